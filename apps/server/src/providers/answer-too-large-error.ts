/** A provider's answer went past the size this gateway reads; the connection was cut instead. */
export class AnswerTooLargeError extends Error {
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    super(`answer larger than ${limitBytes} bytes`);
    this.name = 'AnswerTooLargeError';
    this.limitBytes = limitBytes;
  }
}
