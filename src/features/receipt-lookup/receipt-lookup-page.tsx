import { useLingui } from "@lingui/react";
import { useId, useState, type SubmitEvent } from "react";
import { useNavigate } from "react-router";
import { Button } from "../../components/button-link";
import { PageHeader } from "../../components/page-header";

const fieldClass =
  "mt-1.5 block min-h-12 w-full rounded-control border border-border-strong bg-surface-raised px-3.5 text-base text-text placeholder:text-text-muted focus:border-primary focus:outline-2 focus:outline-offset-0 focus:outline-primary";

export function ReceiptLookupPage() {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const codeId = useId();
  const emailId = useId();
  const [code, setCode] = useState("");
  const [email, setEmail] = useState("");

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const orderCode = code.trim();
    if (!orderCode) return;
    // The e-mail stays in the page; it is never put in a URL.
    void navigate(`/orders/${encodeURIComponent(orderCode)}`);
  };

  return (
    <>
      <PageHeader title={_("receiptLookup.title")} description={_("receiptLookup.description")} />
      <form
        onSubmit={submit}
        className="max-w-md space-y-5 rounded-card border border-border bg-surface-raised p-5 shadow-card md:p-6"
      >
        <div>
          <label htmlFor={codeId} className="text-sm font-medium text-text">
            {_("receiptLookup.code")}
          </label>
          <input
            id={codeId}
            name="code"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            className={fieldClass}
          />
        </div>
        <div>
          <label htmlFor={emailId} className="text-sm font-medium text-text">
            {_("receiptLookup.email")}
          </label>
          <input
            id={emailId}
            name="email"
            type="email"
            required
            autoComplete="email"
            inputMode="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className={fieldClass}
          />
        </div>
        <Button type="submit" className="w-full">
          {_("receiptLookup.submit")}
        </Button>
      </form>
    </>
  );
}
