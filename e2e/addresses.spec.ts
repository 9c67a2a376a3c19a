import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fault, resetSandbox } from "./sandbox";

/** A valid TCKN and VKN (checksums hold); the sandbox's demo customer has the TCKN. */
const TCKN = "10000000146";
const VKN = "4610427530";

async function launch(page: Page) {
  await page.goto("/dev/launch?customer=DEMO-IND-001&to=/addresses");
  await expect(page.getByRole("heading", { level: 1, name: "Adreslerim" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(group(page, "Teslimat adresleri").getByRole("listitem")).not.toHaveCount(0);
}

const group = (page: Page, name: "Teslimat adresleri" | "Fatura adresleri") =>
  page.getByRole("region", { name });

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function openForm(page: Page, add: "Teslimat adresi ekle" | "Fatura adresi ekle") {
  await page.getByRole("button", { name: add }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Yeni adres" })).toBeFocused();
}

/** Types a shipping address the way a customer does, one field after another. */
async function typeAddress(page: Page, { taxNumber = TCKN } = {}) {
  await field(page, "Ad soyad").fill("Mehmet Kaya");
  await field(page, "Cep telefonu").pressSequentially("05421234567");
  await expect(field(page, "Cep telefonu")).toHaveValue("+90 542 123 45 67");
  await field(page, "İl").selectOption("İzmir");
  await field(page, "İlçe").fill("Karşıyaka");
  await field(page, "Mahalle").fill("Bostanlı Mah.");
  await field(page, "Posta kodu").fill("35590");
  await field(page, "Açık adres").fill("Cemal Gürsel Cad. No: 45 D: 3");
  await field(page, "T.C. kimlik numarası").fill(taxNumber);
}

const save = (page: Page) => page.getByRole("button", { name: "Adresi kaydet" }).click();

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test("saved addresses are listed by type, with the identity number masked", async ({ page }) => {
  await launch(page);
  const shipping = group(page, "Teslimat adresleri").getByRole("listitem");
  await expect(shipping).toHaveCount(1);
  await expect(shipping).toContainText("Ayşe Yılmaz");
  await expect(shipping).toContainText("34710 Kadıköy / İstanbul");
  await expect(shipping).toContainText("+90 532 111 22 33");
  await expect(shipping).toContainText("*********46");
  await expect(shipping).not.toContainText(TCKN);
  await expect(group(page, "Fatura adresleri").getByRole("listitem")).toContainText(
    "06420 Çankaya / Ankara",
  );
});

test("an invalid TCKN is explained at the field, fixed, and the address is saved", async ({
  page,
}) => {
  await launch(page);
  await openForm(page, "Teslimat adresi ekle");
  await typeAddress(page, { taxNumber: "12345678901" });
  await save(page);

  const tckn = field(page, "T.C. kimlik numarası");
  await expect(tckn).toBeFocused();
  await expect(tckn).toHaveAttribute("aria-invalid", "true");
  await expect(tckn).toHaveAccessibleDescription(/Geçerli bir T\.C\. kimlik numarası girin\./);
  // Nothing typed is lost.
  await expect(field(page, "Ad soyad")).toHaveValue("Mehmet Kaya");
  await expect(field(page, "İl")).toHaveValue("İzmir");

  await tckn.fill(TCKN);
  await expect(tckn).toHaveAttribute("aria-invalid", "false");
  await expect(page.getByText("Geçerli bir T.C. kimlik numarası girin.")).toBeHidden();
  await save(page);

  await expect(page.getByText("Adres kaydedildi")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Adreslerim" })).toBeVisible();
  const saved = group(page, "Teslimat adresleri").getByRole("listitem").filter({
    hasText: "Mehmet Kaya",
  });
  await expect(saved).toContainText("35590 Karşıyaka / İzmir");
  await expect(saved).toContainText("+90 542 123 45 67");

  // Saved, so the next new address starts empty.
  await openForm(page, "Teslimat adresi ekle");
  await expect(field(page, "Ad soyad")).toHaveValue("");
});

test("a postcode from another province is refused until it matches", async ({ page }) => {
  await launch(page);
  await openForm(page, "Teslimat adresi ekle");
  await typeAddress(page);
  const zipcode = field(page, "Posta kodu");
  await zipcode.fill("34710");
  await save(page);

  await expect(zipcode).toBeFocused();
  await expect(zipcode).toHaveAccessibleDescription("Posta kodu İzmir için 35 ile başlamalı.");
  // Choosing the province the postcode belongs to also settles it.
  await field(page, "İl").selectOption("İstanbul");
  await expect(zipcode).toHaveAttribute("aria-invalid", "false");
  await field(page, "İl").selectOption("İzmir");
  await expect(zipcode).toHaveAttribute("aria-invalid", "true");
  await zipcode.fill("35590");
  await expect(zipcode).toHaveAttribute("aria-invalid", "false");
});

test("a reload while typing keeps the form open with what was typed", async ({ page }) => {
  await launch(page);
  await openForm(page, "Fatura adresi ekle");
  await page.getByRole("radio", { name: "Kurumsal" }).check();
  await field(page, "Ad soyad").fill("Mehmet Kaya");
  await field(page, "Cep telefonu").pressSequentially("5421234567");
  await field(page, "İl").selectOption("Ankara");
  await field(page, "Şirket unvanı").fill("Kaya Kuyumculuk Ltd. Şti.");
  await save(page);
  await expect(field(page, "İlçe")).toBeFocused();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Yeni adres" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Fatura" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Kurumsal" })).toBeChecked();
  await expect(field(page, "Ad soyad")).toHaveValue("Mehmet Kaya");
  await expect(field(page, "Cep telefonu")).toHaveValue("+90 542 123 45 67");
  await expect(field(page, "İl")).toHaveValue("Ankara");
  await expect(field(page, "Şirket unvanı")).toHaveValue("Kaya Kuyumculuk Ltd. Şti.");

  // Back leaves the form; the list is where it was.
  await page.getByRole("button", { name: "Vazgeç" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Adreslerim" })).toBeVisible();
});

test("a corporate billing address with a VKN", async ({ page }) => {
  await launch(page);
  await openForm(page, "Fatura adresi ekle");
  await expect(page.getByRole("radio", { name: "Fatura" })).toBeChecked();
  await field(page, "Ad soyad").fill("Mehmet Kaya");
  await field(page, "Cep telefonu").fill("0542 123 45 67");
  await field(page, "İl").selectOption("Ankara");
  await field(page, "İlçe").fill("Çankaya");
  await field(page, "Mahalle").fill("Kızılay Mah.");
  await field(page, "Posta kodu").fill("06420");
  await field(page, "Açık adres").fill("Atatürk Blv. No: 99");
  await page.getByRole("radio", { name: "Kurumsal" }).check();
  await expect(field(page, "T.C. kimlik numarası")).toBeHidden();
  await save(page);

  const company = field(page, "Şirket unvanı");
  await expect(company).toBeFocused();
  await expect(company).toHaveAccessibleDescription("Kurumsal faturada şirket adı gerekli.");
  await company.fill("Kaya Kuyumculuk Ltd. Şti.");
  await field(page, "Vergi dairesi").fill("Çankaya");
  const vkn = field(page, "Vergi kimlik numarası");
  await vkn.fill("4610427531");
  await save(page);
  await expect(vkn).toHaveAccessibleDescription(/Geçerli bir vergi kimlik numarası girin\./);
  await vkn.fill(VKN);
  await save(page);

  await expect(page.getByText("Adres kaydedildi")).toBeVisible();
  const saved = group(page, "Fatura adresleri").getByRole("listitem").filter({
    hasText: "Kaya Kuyumculuk",
  });
  await expect(saved).toContainText("Kurumsal fatura");
  await expect(saved).toContainText("Çankaya V.D.");
  await expect(saved).toContainText("********30");
});

test("when the service is down, the form says so and keeps every value", async ({
  page,
  request,
}) => {
  await launch(page);
  await openForm(page, "Teslimat adresi ekle");
  await typeAddress(page);
  await fault(request, { method: "POST", path: "/partner/customer/address", status: 503 });
  await save(page);
  await expect(page.getByRole("alert").filter({ hasText: /ulaşılamıyor|deneyin/ })).toBeVisible();
  await expect(field(page, "Ad soyad")).toHaveValue("Mehmet Kaya");
  await expect(field(page, "T.C. kimlik numarası")).toHaveValue(TCKN);
});

test("field errors from the proxy are shown at their fields", async ({ page }) => {
  await launch(page);
  await openForm(page, "Teslimat adresi ekle");
  await typeAddress(page);
  // The upstream refuses a neighbourhood the shop's rules allow (as Minted may).
  await page.route("**/api/addresses", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status: 422,
          contentType: "application/problem+json",
          body: JSON.stringify({
            status: 422,
            code: "validation_failed",
            title: "Girilen bilgilerde hata var.",
            errors: { district: ["Bu mahalle bu ilçede bulunamadı."] },
          }),
        })
      : route.fallback(),
  );
  await save(page);
  const district = field(page, "Mahalle");
  await expect(district).toBeFocused();
  await expect(district).toHaveAccessibleDescription("Bu mahalle bu ilçede bulunamadı.");
  await expect(district).toHaveValue("Bostanlı Mah.");
});

test("deleting asks first, then removes the address", async ({ page }) => {
  await launch(page);
  const shipping = group(page, "Teslimat adresleri");
  const remove = shipping.getByRole("button", {
    name: "Adresi sil: Ayşe Yılmaz, Kadıköy / İstanbul",
  });

  await remove.click();
  const dialog = page.getByRole("dialog", { name: "Bu adres silinsin mi?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Vazgeç" }).click();
  await expect(dialog).toBeHidden();
  await expect(shipping.getByRole("listitem")).toHaveCount(1);

  await remove.click();
  await dialog.getByRole("button", { name: "Sil" }).click();
  await expect(page.getByText("Adres silindi")).toBeVisible();
  await expect(shipping.getByRole("listitem")).toHaveCount(0);
  await expect(shipping.getByText("Kayıtlı teslimat adresiniz yok.")).toBeVisible();
  await page.reload();
  await expect(group(page, "Fatura adresleri").getByRole("listitem")).toHaveCount(1);
  await expect(group(page, "Teslimat adresleri").getByRole("listitem")).toHaveCount(0);
});

test("a guest sees where addresses come from, not an error", async ({ page }) => {
  await page.goto("/addresses");
  await expect(page.getByRole("heading", { name: "Kayıtlı adres yok" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ürünlere göz at" })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the addresses page and form are accessible (${scheme})`, async ({
    page,
    expectAccessible,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await launch(page);
    await expectAccessible();

    await openForm(page, "Teslimat adresi ekle");
    await expectAccessible();

    await field(page, "Ad soyad").fill("M");
    await field(page, "Posta kodu").fill("06420");
    await field(page, "İl").selectOption("İzmir");
    await page.getByRole("radio", { name: "Kurumsal" }).check();
    await save(page);
    await expect(field(page, "Ad soyad")).toBeFocused();
    await expectAccessible();
    await testInfo.attach(`address-form-errors-${scheme}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });

    await page.getByRole("button", { name: "Vazgeç" }).click();
    await group(page, "Teslimat adresleri")
      .getByRole("button", { name: /^Adresi sil/ })
      .click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectAccessible();
  });
}
