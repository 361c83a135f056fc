/** A file input dressed as a button (keyboard: Tab to it, Enter or Space opens the picker). */
export function FilePicker({ label, ariaLabel, accept, multiple, disabled, onFiles }: { label: string; ariaLabel: string; accept: string; multiple?: boolean; disabled?: boolean; onFiles: (files: File[]) => void }) {
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        multiple={multiple}
        disabled={disabled}
        accept={accept}
        aria-label={ariaLabel}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // the same file may be chosen again
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}
