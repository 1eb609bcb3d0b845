import { generatedHeader } from './generated-header.ts';
import { quicktypeEnvelopes } from './quicktype-envelopes.ts';

/** Generates `envelope.py`: a dataclass with `from_dict`/`to_dict` per code's envelope and params. */
export async function renderEnvelopeModule(schemaText: string): Promise<string> {
  const module = await quicktypeEnvelopes(schemaText, 'python', { 'python-version': '3.7' });
  return `${generatedHeader('@openpixels/errors/schema.json (quicktype)')}${asStrEnums(module)}`;
}

/**
 * Makes quicktype's enums `str` enums, so a decoded `code` or `type` compares equal to its wire
 * string (`error.code == "NO_CREDITS"`), as users write it; quicktype has no option for that.
 * `str()` and f-strings give the value too, as `enum.StrEnum` does (Python 3.11+ only).
 */
export function asStrEnums(module: string): string {
  const converted = module.replace(
    /^class (\w+)\(Enum\):$/gm,
    'class $1(str, Enum):\n    __str__ = str.__str__\n    __format__ = str.__format__\n',
  );
  if (!/^class \w+\(str, Enum\):$/m.test(converted) || /^class \w+\(Enum\):$/m.test(converted)) {
    throw new Error('envelope.py: quicktype wrote no enum, or one this generator did not convert');
  }
  return converted;
}
