/** The short code a citizen keeps to look a question up (mã tra cứu câu hỏi): see platform/text/short-code.ts. */
export {
  normaliseShortCode as normaliseQuestionCode,
  SHORT_CODE_ALPHABET as CODE_ALPHABET,
  SHORT_CODE_LENGTH as CODE_LENGTH,
  SHORT_CODE_PATTERN as QUESTION_CODE_PATTERN,
  shortCodeFrom as questionCodeFrom,
} from '../../../platform/text/short-code.ts';
