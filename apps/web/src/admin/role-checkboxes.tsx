/** The roles of an account or a token, one checkbox each, with what the role allows. */
import { ROLE_WORDS, ROLES, type Role } from "@flowcraft/access";

export function RoleCheckboxes({ legend, value, onChange, testId }: { legend: string; value: readonly Role[]; onChange(roles: Role[]): void; testId: string }) {
  return (
    <fieldset className="role-checkboxes" data-testid={testId}>
      <legend>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} title={ROLE_WORDS[role]}>
          <input
            type="checkbox"
            data-testid={`${testId}-${role}`}
            checked={value.includes(role)}
            onChange={(event) => onChange(ROLES.filter((r) => (r === role ? event.target.checked : value.includes(r))))}
          />
          {role}
        </label>
      ))}
    </fieldset>
  );
}
