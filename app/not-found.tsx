import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState title="Page not found" testId="not-found">
      <Link href="/" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
        Back to Preflight
      </Link>
    </EmptyState>
  );
}
