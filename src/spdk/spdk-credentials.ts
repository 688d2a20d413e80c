import { SPDK_RPC_TOKEN } from './schemas';
import { SpdkRpcToken } from './spdk-types';
import { checkArg, listOf, str, struct } from '../core/checks';

const SECRET_NAME = str('a Secret name such as "spdkcsi-secret"');

/**
 * Where the controller gets the RPC credentials of the SPDK targets: a Secret
 * with key `secret.json` (`{"rpcTokens":[{"name","username","password"}]}`).
 */
export class SpdkCredentials {
  /**
   * A Secret that already exists in the driver's namespace (created by a
   * secrets manager, sealed-secrets, external-secrets...). Nothing secret is synthesized.
   */
  public static fromExistingSecret(secretName: string): SpdkCredentials {
    return new SpdkCredentials(checkArg('SpdkCredentials.fromExistingSecret', 'secretName', secretName, SECRET_NAME), undefined);
  }

  /**
   * UNSAFE: synthesizes a Secret holding the passwords in plain text. Anyone
   * who can read the synthesized YAML, or the Git repository it is committed
   * to, can read them. For throw-away test clusters only; prefer
   * `fromExistingSecret`. Every token must name a target, and every target
   * must have a token.
   */
  public static unsafeLiteralTokens(secretName: string, tokens: SpdkRpcToken[]): SpdkCredentials {
    const where = 'SpdkCredentials.unsafeLiteralTokens';
    return new SpdkCredentials(checkArg(where, 'secretName', secretName, SECRET_NAME), checkArg(where, 'tokens', tokens, listOf(struct(SPDK_RPC_TOKEN, 'SpdkRpcToken'))));
  }

  private constructor(
    /** The Secret's name. */
    public readonly secretName: string,
    private readonly tokens: SpdkRpcToken[] | undefined,
  ) {}

  /** @internal The literal tokens, when the user asked for them. */
  public get _literalTokens(): SpdkRpcToken[] | undefined {
    return this.tokens;
  }
}
