import { describe, expect, it } from "vitest";
import { dateCourte, dateLongue, heure } from "./format";

describe("format", () => {
  it("met les dates ISO au format français", () => {
    expect(dateCourte("2024-05-15")).toBe("15/05/2024");
    expect(dateLongue("2024-05-15")).toBe("15 mai 2024");
    expect(dateLongue("2024-05-07")).toBe("7 mai 2024");
    expect(dateLongue("2024-08-01")).toBe("1er août 2024");
    expect(dateLongue("2024-12-31")).toBe("31 décembre 2024");
  });

  it("met les heures au format français", () => {
    expect(heure("18:00:00")).toBe("18 h");
    expect(heure("09:30:00")).toBe("9 h 30");
  });

  it("laisse intactes les valeurs non reconnues", () => {
    expect(dateCourte("bientôt")).toBe("bientôt");
    expect(dateLongue("2024-13-01")).toBe("2024-13-01");
    expect(heure("midi")).toBe("midi");
  });
});
