import { PRODUCTS } from "./catalog.ts";
import type { Address, SandboxState } from "./state.ts";

/** The two demo customers every sandbox starts with (documented in the README). */
export const DEMO_INDIVIDUAL = "DEMO-IND-001";
export const DEMO_CORPORATE = "DEMO-CORP-001";

export function seedState(state: SandboxState, now: number): void {
  for (const p of PRODUCTS) state.stock.set(p.sku, p.stock);

  state.customers.set(DEMO_INDIVIDUAL, {
    external_id: DEMO_INDIVIDUAL,
    firstname: "Ayşe",
    middlename: null,
    lastname: "Yılmaz",
    email: "ayse.yilmaz@example.com",
    phone: "+905321112233",
    gender: "F",
    identity_number: "10000000146",
    birthdate: "1988-04-12",
    tax_office: null,
    account_type: "person",
    createdAt: now - 400 * 86_400_000,
  });
  state.customers.set(DEMO_CORPORATE, {
    external_id: DEMO_CORPORATE,
    firstname: "Anadolu Kıymetli Madenler A.Ş.",
    middlename: null,
    lastname: null,
    email: "finans@anadolu-km.example.com",
    phone: "+902165550011",
    gender: null,
    identity_number: "4610427530",
    birthdate: null,
    tax_office: "Kozyatağı",
    account_type: "company",
    createdAt: now - 200 * 86_400_000,
  });

  const addresses: Omit<Address, "id" | "createdAt">[] = [
    {
      customer: DEMO_INDIVIDUAL,
      type: "shipping",
      invoice_type: "Individual",
      company_name: null,
      tax_office: null,
      tax_number: "10000000146",
      fullname: "Ayşe Yılmaz",
      phone: "+905321112233",
      email: "ayse.yilmaz@example.com",
      city: "İstanbul",
      county: "Kadıköy",
      district: "Caferağa Mah.",
      street: "Moda Cad.",
      zipcode: "34710",
      address: "No: 12 D: 5",
    },
    {
      customer: DEMO_INDIVIDUAL,
      type: "billing",
      invoice_type: "Individual",
      company_name: null,
      tax_office: null,
      tax_number: "10000000146",
      fullname: "Ayşe Yılmaz",
      phone: "+905321112233",
      email: "ayse.yilmaz@example.com",
      city: "Ankara",
      county: "Çankaya",
      district: "Kızılay Mah.",
      street: "Atatürk Blv.",
      zipcode: "06420",
      address: "No: 101 Kat: 4",
    },
    {
      customer: DEMO_CORPORATE,
      type: "billing",
      invoice_type: "Corporate",
      company_name: "Anadolu Kıymetli Madenler A.Ş.",
      tax_office: "Kozyatağı",
      tax_number: "4610427530",
      fullname: "Murat Demir",
      phone: "+902165550011",
      email: "finans@anadolu-km.example.com",
      city: "İstanbul",
      county: "Ataşehir",
      district: "Barbaros Mah.",
      street: "Begonya Sk.",
      zipcode: "34746",
      address: "Nidakule No: 3 Kat: 12",
    },
  ];
  for (const a of addresses) {
    const id = state.next("address", 1931);
    state.addresses.set(id, { ...a, id, createdAt: now - 30 * 86_400_000 });
  }

  const balances: [string, "TRY" | "GAU" | "GAG" | "GPT", number][] = [
    [DEMO_INDIVIDUAL, "TRY", 250_000],
    [DEMO_INDIVIDUAL, "GAU", 12.5],
    [DEMO_INDIVIDUAL, "GAG", 350],
    [DEMO_INDIVIDUAL, "GPT", 2],
    [DEMO_CORPORATE, "TRY", 2_000_000],
    [DEMO_CORPORATE, "GAU", 250],
  ];
  for (const [customer, code, balance] of balances) {
    const line = state.walletLine(customer, code);
    line.balance = balance;
    line.bought = balance;
    line.updatedAt = now;
  }
  state.holdings.set(DEMO_INDIVIDUAL, [
    { sku: "MNTGB00100", quantity: 2 },
    { sku: "MNTSB00100", quantity: 1 },
  ]);
  state.holdings.set(DEMO_CORPORATE, [{ sku: "MNTGB01000", quantity: 1 }]);
}
