import QRCode from 'qrcode';

/** The otpauth URI as an SVG QR code in a data URL, for an <img> with alt text (no client JavaScript). */
export async function renderQrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
