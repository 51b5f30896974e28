// The `Volumes:` block of a describe pod template (kubectl pkg/describe/describe.go describeVolumes
// and its print*VolumeSource helpers) for the sources a lab manifest uses: hostPath, emptyDir,
// secret, configMap, projected, persistentVolumeClaim, downwardAPI, nfs and image. Cloud and
// storage-plugin sources print `<unknown>` here; the lab cannot run them.

interface KeyRef { name?: string; optional?: boolean }
interface Volume {
  name: string;
  hostPath?: { path?: string; type?: string };
  emptyDir?: { medium?: string; sizeLimit?: string };
  secret?: { secretName?: string; optional?: boolean };
  configMap?: KeyRef;
  projected?: { sources?: { secret?: KeyRef; configMap?: KeyRef; downwardAPI?: unknown; serviceAccountToken?: { expirationSeconds?: number } }[] };
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath?: string }; resourceFieldRef?: { resource?: string } }[] };
  nfs?: { server?: string; path?: string; readOnly?: boolean };
  image?: { reference?: string; pullPolicy?: string };
}

function projectedLines(p: NonNullable<Volume['projected']>): string[] {
  const lines = ['    Type:\tProjected (a volume that contains injected data from multiple sources)'];
  for (const s of p.sources ?? []) {
    if (s.secret) lines.push(`    SecretName:\t${s.secret.name ?? ''}`, `    Optional:\t${s.secret.optional === true}`);
    else if (s.downwardAPI) lines.push('    DownwardAPI:\ttrue');
    else if (s.configMap) lines.push(`    ConfigMapName:\t${s.configMap.name ?? ''}`, `    Optional:\t${s.configMap.optional === true}`);
    else if (s.serviceAccountToken) lines.push(`    TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}`);
  }
  return lines;
}

function downwardAPILines(d: NonNullable<Volume['downwardAPI']>): string[] {
  const items = (d.items ?? []).flatMap((i) => [
    ...(i.fieldRef ? [`      ${i.fieldRef.fieldPath ?? ''} -> ${i.path}`] : []),
    ...(i.resourceFieldRef ? [`      ${i.resourceFieldRef.resource ?? ''} -> ${i.path}`] : []),
  ]);
  return ['    Type:\tDownwardAPI (a volume populated by information about the pod)', '    Items:', ...items];
}

/** The lines under one volume's name, by the first source it sets (in kubectl's order). */
function sourceLines(v: Volume): string[] {
  if (v.hostPath) return ['    Type:\tHostPath (bare host directory volume)', `    Path:\t${v.hostPath.path ?? ''}`, `    HostPathType:\t${v.hostPath.type ?? '<none>'}`];
  if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit && v.emptyDir.sizeLimit !== '0' ? v.emptyDir.sizeLimit : '<unset>';
    return ["    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)", `    Medium:\t${v.emptyDir.medium ?? ''}`, `    SizeLimit:\t${limit}`];
  }
  if (v.secret) return ['    Type:\tSecret (a volume populated by a Secret)', `    SecretName:\t${v.secret.secretName ?? ''}`, `    Optional:\t${v.secret.optional === true}`];
  if (v.configMap) return ['    Type:\tConfigMap (a volume populated by a ConfigMap)', `    Name:\t${v.configMap.name ?? ''}`, `    Optional:\t${v.configMap.optional === true}`];
  if (v.nfs) return ['    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)', `    Server:\t${v.nfs.server ?? ''}`, `    Path:\t${v.nfs.path ?? ''}`, `    ReadOnly:\t${v.nfs.readOnly === true}`];
  if (v.persistentVolumeClaim) {
    const c = v.persistentVolumeClaim;
    return ['    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', `    ClaimName:\t${c.claimName ?? ''}`, `    ReadOnly:\t${c.readOnly === true}`];
  }
  if (v.downwardAPI) return downwardAPILines(v.downwardAPI);
  if (v.projected) return projectedLines(v.projected);
  if (v.image) return ['    Type:\tImage (a container image or OCI artifact)', `    Reference:\t${v.image.reference ?? ''}`, `    PullPolicy:\t${v.image.pullPolicy ?? ''}`];
  return ['  <unknown>'];
}

/** `Volumes:\t<none>`, or `Volumes:` with each volume's name (one extra space of indent) and source. */
export function templateVolumeLines(volumes: Record<string, unknown>[] | undefined): string[] {
  const vols = (volumes ?? []) as unknown as Volume[];
  if (vols.length === 0) return ['  Volumes:\t<none>'];
  return ['  Volumes:', ...vols.flatMap((v) => [`   ${v.name}:`, ...sourceLines(v)])];
}
