/** Moving bytes between the clerk's disk and the core: base64 both ways, a save dialog or a download. */

declare global {
  interface Window {
    /** Electron only: the main process shows a save dialog and writes the file. */
    juesuanFiles?: { save(name: string, dataBase64: string): Promise<{ saved: boolean; path?: string; error?: string }> };
  }
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Saves an exported workbook: Electron's save dialog, or the browser's download in browser mode. */
export async function deliver(name: string, mime: string, dataBase64: string): Promise<string | null> {
  if (window.juesuanFiles) {
    const result = await window.juesuanFiles.save(name, dataBase64);
    if (result.error) throw new Error(result.error);
    return result.saved ? (result.path ?? name) : null;
  }
  const bytes = Uint8Array.from(atob(dataBase64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
