/** Hands a file to the browser as a download, without leaving the app (Electron asks where). */
export function download(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after this handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
