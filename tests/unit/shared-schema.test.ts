import { describe, expect, it } from "vitest";
import { GrantRoleSchema, CreateCooperationSchema } from "@shared-schema/admin";
import { LoginSchema } from "@shared-schema/auth";

describe("shared schemas", () => {
  it("normalises e-mail and reports translation keys", () => {
    expect(LoginSchema.parse({ email: " Kari@Kommune.NO ", password: "x" }).email).toBe("kari@kommune.no");
    const bad = LoginSchema.safeParse({ email: "ikkje-ei-adresse", password: "" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toEqual(expect.arrayContaining(["email:common:validation.email", "password:common:validation.required"]));
  });
  it("accepts slugs of lower-case ASCII with hyphens only", () => {
    expect(CreateCooperationSchema.safeParse({ slug: "ekommune-sunnmore", name: "eKommune Sunnmøre" }).success).toBe(true);
    for (const slug of ["eKommune", "sunnmøre", "-a", "a--b", "a b"]) {
      expect(CreateCooperationSchema.safeParse({ slug, name: "X Y" }).success, slug).toBe(false);
    }
  });
  it("binds a reporter, and only a reporter, to one municipality", () => {
    expect(GrantRoleSchema.safeParse({ email: "a@b.no", slug: "x", role: "reporter", municipality: "1532" }).success).toBe(true);
    expect(GrantRoleSchema.safeParse({ email: "a@b.no", slug: "x", role: "reporter" }).success).toBe(false);
    expect(GrantRoleSchema.safeParse({ email: "a@b.no", slug: "x", role: "viewer", municipality: "1532" }).success).toBe(false);
    expect(GrantRoleSchema.safeParse({ email: "a@b.no", slug: "x", role: "reporter", municipality: "153" }).success).toBe(false);
  });
});
