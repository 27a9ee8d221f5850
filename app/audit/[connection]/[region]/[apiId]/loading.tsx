import { Skeleton } from "@/components/ui/skeleton";
import { panelClass } from "@/components/ui/panel";

/** Shown while the API is read and audited: the shape of the header, toolbar and matrix. */
export default function AuditLoading() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="Reading the API" data-testid="audit-loading">
      <Skeleton className="h-3 w-64" />
      <div className="flex items-center gap-3">
        <Skeleton className="h-7 w-56" />
        <Skeleton className="ml-auto h-5 w-40" />
        <Skeleton className="h-7 w-24" />
      </div>
      <Skeleton className="h-3 w-full max-w-4xl" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-8 w-full" />
      <div className={panelClass("space-y-1 p-2")}>
        {Array.from({ length: 12 }, (_, index) => (
          <div key={index} className="flex gap-2">
            <Skeleton className="h-9 w-64" />
            {Array.from({ length: 5 }, (_, col) => (
              <Skeleton key={col} className="h-9 w-40" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
