// Document rendering shared by every module: administrative format, PDF, QR, spreadsheets, Vietnamese dates.
export * from './administrative.ts';
export * from './file-type.ts';
export * from './nfc.ts';
export * from './page.ts';
export * from './pdf.ts';
export * from './qr.ts';
export * from './vietnamese-dates.ts';
export * from './xlsx.ts';
