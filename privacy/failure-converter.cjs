// Error messages and stack traces of failures (a refused step names the person it is about) are
// moved into an encoded payload, which the payload codec then encrypts; the history shows only
// "Encoded failure". CommonJS, because the worker and client load it with require() by path, and
// the workflow bundle imports it (WorkerOptions.dataConverter.failureConverterPath).
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
