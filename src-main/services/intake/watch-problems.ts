/** What the clerk is told (in Vietnamese, the counter's language) when the watched folder cannot be used. */

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unknown';

/** The folder cannot be listed. */
export function readProblem(folder: string, error: unknown): string {
  switch (errno(error)) {
    case 'ENOENT':
      return `Không tìm thấy thư mục «${folder}». Hãy kiểm tra ổ mạng đã kết nối hoặc chọn lại thư mục nhận tệp quét; ứng dụng sẽ tự thử lại.`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền đọc thư mục «${folder}». Hãy nhờ bộ phận kỹ thuật cấp quyền; ứng dụng sẽ tự thử lại.`;
    case 'ENOTDIR':
      return `«${folder}» không phải là thư mục. Hãy chọn lại thư mục nhận tệp quét.`;
    default:
      return `Không đọc được thư mục «${folder}» (${errno(error)}). Hãy kiểm tra ổ mạng; ứng dụng sẽ tự thử lại.`;
  }
}

/** The folder can be listed but the app cannot move files inside it (.motcua/). */
export function writeProblem(folder: string, error: unknown): string {
  return `Không ghi được vào thư mục «${folder}» (${errno(error)}): cần quyền ghi để chuyển tệp đã nhận. Hãy nhờ bộ phận kỹ thuật cấp quyền; ứng dụng sẽ tự thử lại.`;
}
