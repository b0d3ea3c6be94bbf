/**
 * Passwords that show up first in every breach list. Not exhaustive on purpose:
 * the minimum length already rules out most of the rest.
 */
export const COMMON_PASSWORDS = new Set([
  "123456789012", "1234567890", "12345678910", "0123456789", "1111111111", "0000000000", "1234512345",
  "password123", "password1234", "passw0rd123", "password!", "password12", "password01", "p@ssword123",
  "qwertyuiop", "qwerty12345", "qwerty123456", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5", "zaq12wsxcde",
  "asdfghjkl1", "asdfghjkl;", "iloveyou123", "letmein123", "welcome123", "welcome2024", "welcome2025",
  "welcome2026", "admin12345", "administrator", "changeme123", "trustno1234", "football123", "baseball123",
  "superman123", "sunshine123", "princess123", "dragon12345", "monkey12345", "michael1234", "shadow12345",
  "master12345", "whatever123", "abcdefghij", "abc1234567", "abcd123456", "aa12345678", "a123456789",
  "yazsana123", "yazsana2026", "sifre12345", "sifre123456", "parola1234", "parola12345", "galatasaray",
  "fenerbahce", "besiktas1903", "istanbul34", "turkiye1923", "ankara0606", "qwertyuiop1", "1qaz2wsx3edc",
  "passwordpassword", "1234qwerasdf", "11111111111", "987654321012", "9876543210", "0987654321",
]);
