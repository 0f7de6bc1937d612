import js from "@eslint/js";
import ts from "typescript-eslint";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import svelteConfig from "./svelte.config.js";

export default ts.config(
  {
    // Les fichiers de src/bindings/ sont générés par ts-rs : on ne les
    // touche pas et on ne les analyse pas.
    ignores: ["dist/", "node_modules/", "src/bindings/"],
  },
  js.configs.recommended,
  ...ts.configs.strict,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: [".svelte"],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@tauri-apps/*"],
              message: "Seul src/ipc.ts peut importer @tauri-apps/api.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ipc.ts", "src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": "off",
    },
  },
);
