import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const eslintConfig = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Every word a user reads comes from the message catalogs (messages/<locale>/): text written
    // straight into JSX would show English to a Turkish reader. Punctuation and symbols may stay.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        { noStrings: false, allowedStrings: ["·", "—", "–", "…", "×", "=", "/", ":", "(", ")", ",", "%", "+", "-", "|", "→", "←", "*", "#", "@", "••••"] },
      ],
    },
  },
  {
    ignores: ["node_modules/**", ".next/**", ".data/**", ".node/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
];

export default eslintConfig;
