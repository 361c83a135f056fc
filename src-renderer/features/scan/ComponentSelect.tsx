/** A dossier component (thành phần hồ sơ) picker; '' is "other" (not assigned to a component). */
export function ComponentSelect({ label, value, onChange, components, name }: { label: string; value: string; onChange: (id: string) => void; components: readonly { id: string; name: string }[]; name?: string }) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {components.map((c) => (
          <option key={c.id || 'other'} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
