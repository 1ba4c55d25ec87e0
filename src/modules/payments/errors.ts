import { AppError } from '../../platform/errors.ts';

export const feeNotFound = () => new AppError('NOT_FOUND', { detail: { vi: 'Không tìm thấy khoản phí, lệ phí', en: 'Fee not found' } });
export const feeNotDue = (status: string) =>
  new AppError('PAYMENT_FEE_NOT_DUE', {
    detail: { vi: `Khoản phí không còn chờ nộp (trạng thái: ${status})`, en: `The fee is no longer due (status: ${status})` },
  });
