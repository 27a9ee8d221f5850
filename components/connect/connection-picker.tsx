"use client";

import { useActionState, useState } from "react";
import type { ConnectState } from "@/app/actions/connect";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import type { ProfileOption } from "./types";
import { panelClass } from "@/components/ui/panel";

type Kind = "demo" | "env" | "profile" | "role";

const KINDS: { kind: Kind; label: string; hint: string }[] = [
  { kind: "demo", label: "Demo", hint: "The built-in emulator with a storefront API full of planted problems, and a healthy one." },
  { kind: "env", label: "Environment", hint: "The AWS SDK's default chain: AWS_* variables, the default profile, SSO, instance role." },
  { kind: "profile", label: "Profile", hint: "A named profile from ~/.aws/config or ~/.aws/credentials." },
  { kind: "role", label: "Assumed role", hint: "sts:AssumeRole from the environment or a profile, e.g. a read-only audit role." },
];

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="text-xs text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}

const inputClass = "w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function ConnectionPicker({
  action,
  current,
  profiles,
  profilesError,
}: {
  action: (state: ConnectState, formData: FormData) => Promise<ConnectState>;
  current?: string;
  profiles: ProfileOption[];
  profilesError?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const initialKind: Kind = current?.includes("~role:")
    ? "role"
    : current?.startsWith("profile:")
      ? "profile"
      : current === "env"
        ? "env"
        : "demo";
  const [kind, setKind] = useState<Kind>(initialKind);
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const values = state.status === "invalid" ? state.values : {};
  const usable = profiles.filter((profile) => profile.supported);

  return (
    <form action={formAction} className={panelClass("space-y-3 p-3")} data-testid="connection-picker" aria-labelledby="connection-heading">
      <h2 id="connection-heading" className="text-base font-semibold">
        Connection
      </h2>
      {/* The radios only drive the form's shape; this carries the choice (React resets uncontrolled radios after an action). */}
      <input type="hidden" name="kind" value={kind} />
      <fieldset>
        <legend className="sr-only">Where credentials come from</legend>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {KINDS.map((option) => (
            <label
              key={option.kind}
              className={cx(
                "flex cursor-pointer gap-2 rounded-md border p-2 text-sm",
                kind === option.kind
                  ? "border-zinc-900 bg-zinc-50 dark:border-zinc-200 dark:bg-zinc-900"
                  : "border-zinc-200 dark:border-zinc-800",
              )}
            >
              <input
                type="radio"
                name="connection-kind"
                value={option.kind}
                checked={kind === option.kind}
                onChange={() => setKind(option.kind)}
                data-testid={`connection-${option.kind}`}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {kind === "profile" ? (
        <div className="max-w-sm space-y-1">
          <label htmlFor="profile" className="text-sm font-medium">
            Profile
          </label>
          {usable.length > 0 ? (
            <select
              id="profile"
              name="profile"
              className={inputClass}
              aria-describedby="profile-error"
              defaultValue={current?.startsWith("profile:") ? current.slice(8).split("~")[0] : usable[0]?.name}
            >
              {usable.map((profile) => (
                <option key={profile.name} value={profile.name}>
                  {profile.name} ({profile.kind}
                  {profile.region ? `, ${profile.region}` : ""})
                </option>
              ))}
            </select>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-profiles">
              {profilesError ?? "No profiles in ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE)."}
            </p>
          )}
          <FieldError id="profile-error" message={errors.profile} />
        </div>
      ) : null}

      {kind === "role" ? (
        <div className="grid max-w-3xl gap-2 sm:grid-cols-3">
          <div className="space-y-1">
            <label htmlFor="base" className="text-sm font-medium">
              Credentials from
            </label>
            <select id="base" name="base" className={inputClass} aria-describedby="base-error" defaultValue={values.base ?? "env"}>
              <option value="env">Environment</option>
              {usable.map((profile) => (
                <option key={profile.name} value={`profile:${profile.name}`}>
                  Profile {profile.name}
                </option>
              ))}
            </select>
            <FieldError id="base-error" message={errors.base} />
          </div>
          <div className="space-y-1">
            <label htmlFor="roleArn" className="text-sm font-medium">
              Role ARN
            </label>
            <input
              id="roleArn"
              name="roleArn"
              defaultValue={values.roleArn ?? ""}
              className={cx(inputClass, "font-mono")}
              placeholder="arn:aws:iam::123456789012:role/Audit"
              aria-invalid={!!errors.roleArn}
              aria-describedby="roleArn-error"
              data-testid="role-arn"
            />
            <FieldError id="roleArn-error" message={errors.roleArn} />
          </div>
          <div className="space-y-1">
            <label htmlFor="externalId" className="text-sm font-medium">
              External ID <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
            </label>
            <input
              id="externalId"
              name="externalId"
              defaultValue={values.externalId ?? ""}
              className={cx(inputClass, "font-mono")}
              aria-invalid={!!errors.externalId}
              aria-describedby="externalId-error"
            />
            <FieldError id="externalId-error" message={errors.externalId} />
          </div>
        </div>
      ) : null}

      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending || (kind === "profile" && usable.length === 0)} data-testid="connect">
          {pending ? "Opening…" : "List APIs"}
        </Button>
        <p aria-live="polite" className="text-sm text-red-700 dark:text-red-400" data-testid="connect-status">
          {state.status === "invalid" || state.status === "refused" ? state.message : ""}
        </p>
      </div>
    </form>
  );
}
