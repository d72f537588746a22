/** The SHA-256 of bytes or text, as lowercase hex: the one checksum the pipeline pins, publishes and compares. */
import { createHash } from "node:crypto";

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
