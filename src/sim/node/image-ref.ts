// Image references as containerd and the kubelet see them: docker's normalisation
// (distribution/reference ParseNormalizedNamed: `nginx` is docker.io/library/nginx:latest), the
// default pull policy the API server gives a container (pkg/apis/core/v1/defaults.go), and image IDs.
// Left out: validation of malformed references (the lab accepts any text as an image).
import { createHash } from 'node:crypto';

/** A parsed image reference. */
export interface ImageRef {
  /** The registry host: docker.io, registry.k8s.io, ghcr.io, ... */
  registry: string;
  /** The repository path inside the registry: library/nginx, kodekloud/webapp-color. */
  path: string;
  tag?: string;
  digest?: string;
}

/** Splits an image reference the way docker's reference parser does (a first part with `.` or `:` is a registry). */
export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry = 'docker.io';
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first === 'index.docker.io' ? 'docker.io' : first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const path = registry === 'docker.io' && !rest.includes('/') ? `library/${rest}` : rest;
  return { registry, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The repository without tag or digest: docker.io/library/nginx. */
export function repositoryOf(ref: ImageRef): string {
  return `${ref.registry}/${ref.path}`;
}

/** The fully qualified reference containerd reports in status.containerStatuses[].image. */
export function normalizedImage(image: string): string {
  const ref = parseImageRef(image);
  return ref.digest ? `${repositoryOf(ref)}@${ref.digest}` : `${repositoryOf(ref)}:${ref.tag ?? 'latest'}`;
}

/** SetDefaults_Container: Always for `:latest` or no tag (and no digest), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageRef(image);
  if (ref.digest) return 'IfNotPresent';
  return ref.tag === undefined || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** A stable sha256 digest for a reference (the same image has the same digest on every node). */
export function imageDigest(image: string): string {
  const ref = parseImageRef(image);
  if (ref.digest) return ref.digest;
  return `sha256:${createHash('sha256').update(normalizedImage(image)).digest('hex')}`;
}

/** status.containerStatuses[].imageID: repository@digest, as containerd reports it. */
export function imageID(image: string): string {
  return `${repositoryOf(parseImageRef(image))}@${imageDigest(image)}`;
}
