import { describe, expect, it } from "vitest";
import { SegmentedMessage } from "sms-segments-calculator";
import { countSms } from "@/lib/sending/count-sms";

const repeat = (text: string, times: number) => text.repeat(times);

describe("countSms", () => {
  it.each([
    ["", "GSM-7", 0, 0],
    ["Hello", "GSM-7", 5, 1],
    [repeat("a", 160), "GSM-7", 160, 1],
    [repeat("a", 161), "GSM-7", 161, 2],
    [repeat("a", 306), "GSM-7", 306, 2],
    [repeat("a", 307), "GSM-7", 307, 3],
    // Extension characters cost two septets each.
    [repeat("€", 80), "GSM-7", 160, 1],
    [repeat("€", 80) + "a", "GSM-7", 161, 2],
    ["{}[]~|^\\", "GSM-7", 16, 1],
    // Letters of the default alphabet that look Turkish-ish stay GSM-7.
    ["Ç Ö Ü ö ü", "GSM-7", 9, 1],
    [repeat("ş", 70), "UCS-2", 70, 1],
    [repeat("ş", 71), "UCS-2", 71, 2],
    [repeat("ğ", 134), "UCS-2", 134, 2],
    [repeat("ğ", 135), "UCS-2", 135, 3],
    ["İyi günler", "UCS-2", 10, 1],
    // Emoji are surrogate pairs: two UCS-2 units.
    ["👋", "UCS-2", 2, 1],
  ] as const)("%j → %s, %i units, %i parts", (text, encoding, units, parts) => {
    const count = countSms(text);
    expect(count).toMatchObject({ encoding, units, parts });
  });

  it("counts characters the way the API's 160 limit does", () => {
    expect(countSms("a👋").characters).toBe(3);
    expect(countSms(repeat("ı", 160)).characters).toBe(160);
  });

  it("never splits an escape pair or a surrogate pair between parts", () => {
    // 306 septets fit two parts of 153 by arithmetic, but the € after 152
    // septets can't straddle, so it opens part two and the last septet needs a third.
    expect(countSms(repeat("a", 152) + "€" + repeat("a", 152)).parts).toBe(3);
    expect(countSms(repeat("a", 151) + "€" + repeat("a", 153)).parts).toBe(2);
    // 66 units then an emoji: the pair moves whole to part two.
    expect(countSms(repeat("ş", 66) + "👋" + repeat("ş", 66)).parts).toBe(3);
  });

  it("lists the characters that force Unicode, once each, in order", () => {
    expect(countSms("Merhaba Ayşe, iyi günler ış ş").unicodeCharacters).toEqual(["ş", "ı"]);
    expect(countSms("Hello").unicodeCharacters).toEqual([]);
    expect(countSms("Çok güzel çiçek").unicodeCharacters).toEqual(["ç"]);
  });

  it("reports the Turkish single shift alternative only when Turkish letters alone force UCS-2", () => {
    expect(countSms("Hello").turkishShift).toBeNull();
    expect(countSms("ş 👋").turkishShift).toBeNull();
    expect(countSms("Ayşe").turkishShift).toEqual({ units: 5, parts: 1, perPart: 155 });
    expect(countSms(repeat("a", 153) + "ş").turkishShift).toEqual({ units: 155, parts: 1, perPart: 155 });
    expect(countSms(repeat("a", 154) + "ş").turkishShift).toEqual({ units: 156, parts: 2, perPart: 149 });
  });

  // Deterministic pseudo-random texts over GSM-7, extension and non-Turkish Unicode characters.
  it("agrees with sms-segments-calculator on non-Turkish text", () => {
    const alphabet = [..."abcXYZ 019.,!?@£$¥èéÄÖÑÜ§¿\n", ..."€{}[]~|^\\", ..."αβ漢字ñÅ", "👋", "😀"];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let sample = 0; sample < 400; sample++) {
      const length = 1 + (next() % 170);
      const unicodeShare = next() % 4; // a quarter of samples stay pure GSM-7
      let text = "";
      for (let index = 0; index < length; index++) {
        const pool = unicodeShare === 0 ? alphabet.slice(0, 37) : alphabet;
        text += pool[next() % pool.length];
      }
      const ours = countSms(text);
      const theirs = new SegmentedMessage(text);
      expect({ text, encoding: ours.encoding, parts: ours.parts }).toEqual({
        text,
        encoding: theirs.encodingName,
        parts: theirs.segmentsCount,
      });
    }
  });
});
