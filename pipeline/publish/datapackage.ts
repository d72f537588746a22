/**
 * The Frictionless Data Package (v2) descriptor, generated from what the formats say of their files: one
 * resource per file a format describes, with its size and SHA-256 measured here. Its title, description and
 * sources are written from the sources' own fields; its only date is the release's, so it changes only when the
 * data or the version does.
 */
import { sha256 } from "../io/sha256.ts";
import type { Source } from "../../schemas/index.ts";
import type { DatasetConfig } from "../config/dataset-config.ts";
import type { FileDescription, Files, PackageMetadata } from "../formats/format.ts";
import { reference, withSources } from "../render/citation.ts";

export interface DescriptorInput {
  files: Files;
  /** What each described file is, by path, as its format says. */
  descriptions: ReadonlyMap<string, FileDescription>;
  metadata: PackageMetadata;
  config: DatasetConfig;
  sources: Source[];
  /** The date (YYYY-MM-DD) of the release this version is, if it is one: the descriptor's `created`. */
  released: string | null;
}

export const DATA_LICENSE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0",
};

export function datapackage({ files, descriptions, metadata, config, sources, released }: DescriptorInput): string {
  const resources = [...descriptions.keys()].sort().map((path) => {
    const content = files.get(path);
    if (content === undefined) throw new Error(`${path} is described for datapackage.json but no format wrote it`);
    const { name, format, mediatype, encoding, ...details } = descriptions.get(path)!.resource;
    return {
      name,
      path,
      format,
      mediatype,
      ...(encoding ? { encoding } : {}),
      bytes: content.byteLength,
      hash: `sha256:${sha256(content)}`,
      ...details,
    };
  });
  const names = new Map<string, string>();
  for (const { name, path } of resources) {
    const other = names.get(name);
    if (other !== undefined)
      throw new Error(
        `${other} and ${path} are both described as the resource "${name}": a resource name must be unique`,
      );
    names.set(name, path);
  }
  const { homepage, id } = config.package;
  const descriptor = {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: metadata.name,
    ...(id === undefined ? {} : { id }),
    title: withSources(config.package.title, sources),
    description: withSources(config.package.description, sources),
    version: metadata.version,
    // The release's date, never the clock's: the same sources and version build the same descriptor.
    ...(released === null ? {} : { created: `${released}T00:00:00Z` }),
    ...(homepage === undefined ? {} : { homepage }),
    licenses: [DATA_LICENSE],
    contributors: [
      { title: `${metadata.name} contributors`, roles: ["creator"] },
      ...sources.map((source) => ({
        title: source.author,
        organization: source.affiliation ?? undefined,
        roles: ["author of the source"],
      })),
    ],
    sources: sources.map((source) => ({ title: reference(source), ...(source.url ? { path: source.url } : {}) })),
    keywords: config.package.keywords,
    resources,
  };
  return JSON.stringify(descriptor, null, 2) + "\n";
}
