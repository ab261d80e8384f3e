import { useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";

type State = { kind: "idle" } | { kind: "making" } | { kind: "receiving"; kb: number } | { kind: "done" } | { kind: "failed" };

/**
 * A download that can take seconds (a PDF is made on request). Without JavaScript it is a plain
 * link and the browser shows its own progress; with JavaScript it fetches the file itself and
 * tells, in a live region, that the file is being made, how much has arrived, and when it is done.
 */
export function DownloadLink({ href, filename, children }: { href: string; filename: string; children: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: "idle" });
  const busy = state.kind === "making" || state.kind === "receiving";

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (busy) return;
    setState({ kind: "making" });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const chunks: BlobPart[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(new Uint8Array(value));
        received += value.length;
        setState({ kind: "receiving", kb: Math.round(received / 1024) });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") ?? undefined }));
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "done" });
    } catch {
      setState({ kind: "failed" });
    }
  }

  return (
    <>
      <a href={href} className="ds-link" download={filename} onClick={download} aria-busy={busy || undefined}>
        {children}
      </a>
      <span role="status" className="ml-2 text-sm">
        {state.kind === "making"
          ? t("report:downloadMaking")
          : state.kind === "receiving"
            ? t("report:downloadReceiving", { kb: state.kb })
            : state.kind === "done"
              ? t("report:downloadDone")
              : state.kind === "failed"
                ? t("report:downloadFailed")
                : ""}
      </span>
    </>
  );
}
