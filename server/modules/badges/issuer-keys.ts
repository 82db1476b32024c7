/**
 * The instance's Ed25519 signing keys, kept in the database so every process of a scale-out
 * deployment signs with the same key and knows every key ever used. The newest generation signs;
 * rotating adds a generation and retires the older keys (they still verify what they signed);
 * revoking makes a key verify nothing. A key is made on first use, race-safe across processes.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto'
import type { Kysely } from 'kysely'
import { AppError } from '../../platform/http/errors.js'
import type { Database } from '../../platform/db/types.js'
import type { IssuerKey } from './badges.schema.js'
import { createIssuerKeysRepository, type IssuerKeyRow } from './issuer-keys.repository.js'
import { unwrapKey, wrapKey } from './key-wrap.js'
import { didKeyOf, ed25519FromMultikey, ed25519Multikey } from './multikey.js'

export interface IssuerKeyStoreDeps {
  db: Kysely<Database>
  /** SECRET_KEY: wraps the private keys at rest. */
  secretKey: string
  now: () => number
}

export interface SigningKey {
  multikey: string
  did: string
  verificationMethod: string
  privateKey: KeyObject
}

const binding = (row: Pick<IssuerKeyRow, 'id' | 'public_key_multibase'>) => `issuer-key:${row.id}:${row.public_key_multibase}`

/** An issuer_keys row as the API shows it (Multikey verification method). */
export function keyView(row: IssuerKeyRow): IssuerKey {
  const { did, verificationMethod } = didKeyOf(row.public_key_multibase)
  return {
    id: verificationMethod, type: 'Multikey', controller: did, publicKeyMultibase: row.public_key_multibase,
    status: row.revoked_at ? 'revoked' : row.retired_at ? 'retired' : 'active',
    created: row.created_at, retired: row.retired_at, revoked: row.revoked_at,
  }
}

export function createIssuerKeyStore(deps: IssuerKeyStoreDeps) {
  const repo = createIssuerKeysRepository(deps.db)
  const iso = () => new Date(deps.now()).toISOString()

  function newRow(generation: number): IssuerKeyRow {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url')
    const row = { id: randomUUID(), public_key_multibase: ed25519Multikey(raw) }
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' })
    return { ...row, generation, private_key_wrapped: wrapKey(deps.secretKey, pkcs8, binding(row)), created_at: iso(), retired_at: null, revoked_at: null }
  }

  /** Adds the next generation; when another process added it first, theirs stands. */
  async function addGeneration(after: IssuerKeyRow | undefined): Promise<IssuerKeyRow> {
    const row = newRow((after?.generation ?? 0) + 1)
    if (await repo.insertNext(row)) return row
    const winner = await repo.latest()
    if (!winner) throw new Error('issuer key vanished after a concurrent insert')
    return winner
  }

  function unwrap(row: IssuerKeyRow): SigningKey {
    const pkcs8 = unwrapKey(deps.secretKey, row.private_key_wrapped, binding(row))
    const privateKey = pkcs8 && createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    const raw = privateKey && Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url')
    if (!privateKey || !raw || !raw.equals(ed25519FromMultikey(row.public_key_multibase) ?? Buffer.alloc(0))) {
      throw new AppError('issuer.key_unavailable', 503, 'The signing key cannot be unwrapped with this server key (was SECRET_KEY changed?). Rotate the issuer key.')
    }
    return { multikey: row.public_key_multibase, ...didKeyOf(row.public_key_multibase), privateKey }
  }

  return {
    /** The key new credentials are signed with; made on first use (and after the newest was revoked). */
    async current(): Promise<SigningKey> {
      const latest = await repo.latest()
      return unwrap(latest && !latest.revoked_at ? latest : await addGeneration(latest))
    },

    /** The active key's row, made on first use. */
    async currentRow(): Promise<IssuerKeyRow> {
      const latest = await repo.latest()
      return latest && !latest.revoked_at ? latest : addGeneration(latest)
    },

    /** Starts signing with a new key; the previous ones are retired and still verify. */
    async rotate(): Promise<IssuerKey> {
      return keyView(await addGeneration(await repo.latest()))
    },

    /** Revokes a key by its Multikey (z6Mk…): nothing it signed verifies any longer. */
    async revoke(multikey: string): Promise<IssuerKey | undefined> {
      await repo.revoke(multikey, iso())
      const row = await repo.byMultikey(multikey)
      return row && keyView(row)
    },

    /** The key with this Multikey, if this instance ever had it. */
    find: (multikey: string): Promise<IssuerKeyRow | undefined> => repo.byMultikey(multikey),

    /** Every key, newest first. */
    all: (): Promise<IssuerKeyRow[]> => repo.all(),
  }
}

export type IssuerKeyStore = ReturnType<typeof createIssuerKeyStore>
