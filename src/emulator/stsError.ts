import type { EmulatorResponse } from "./EmulatorResponse.js";
import { escapeXml } from "./escapeMarkup.js";

/** The XML namespace of STS (awsQuery protocol, version 2011-06-15). @internal */
export const STS_XML_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/**
 * An STS error as the awsQuery protocol encodes it: an `ErrorResponse` XML document with
 * `Type`, `Code` and `Message`, and the request id.
 *
 * @internal
 */
export function stsError(
  status: number,
  code: string,
  message: string,
  requestId: string,
  type: "Sender" | "Receiver" = "Sender",
): EmulatorResponse {
  const body = [
    `<ErrorResponse xmlns="${STS_XML_NAMESPACE}">`,
    "  <Error>",
    `    <Type>${type}</Type>`,
    `    <Code>${escapeXml(code)}</Code>`,
    `    <Message>${escapeXml(message)}</Message>`,
    "  </Error>",
    `  <RequestId>${escapeXml(requestId)}</RequestId>`,
    "</ErrorResponse>",
    "",
  ].join("\n");

  return { kind: "send", status, headers: { "content-type": "text/xml" }, body, error: code };
}
