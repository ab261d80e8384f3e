import { useTranslation } from "react-i18next";
import type { TextKey } from "../i18n/config";

const COLOR = { success: "success", info: "info", error: "danger" } as const;

export function ToastMessage({
  toast,
}: {
  toast: { kind: keyof typeof COLOR; key: TextKey; values?: Record<string, string | number> };
}) {
  const { t } = useTranslation();
  return (
    <div className="ds-alert mb-4" data-color={COLOR[toast.kind]} role={toast.kind === "error" ? "alert" : "status"}>
      <p className="ds-paragraph">{t(toast.key, toast.values)}</p>
    </div>
  );
}
