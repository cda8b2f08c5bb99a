import type { PlatformInput } from '../input/platform-input';
import type { ResolvedInput } from '../input/resolved';
import { Platform } from '../model/options';
import { AWS_PLATFORM } from './aws/platform';
import { AZURE_PLATFORM } from './azure/platform';
import type { PlatformModule } from './platform';

/** Every platform, by name: adding one is a folder under lib/platforms and one line here. */
export const PLATFORMS: Readonly<Record<Platform, PlatformModule<any>>> = {
  [Platform.AZURE]: AZURE_PLATFORM,
  [Platform.AWS]: AWS_PLATFORM,
};

/** Every platform's spec keys, in registry order (what the spec reader and its schema are given). */
export const PLATFORM_INPUTS: readonly PlatformInput[] = Object.values(PLATFORMS).map((p) => p.input);

/** The platform of a spec, when it names or implies one. */
export function platformOf(spec: ResolvedInput): PlatformModule<any> | undefined {
  return spec.platform === undefined ? undefined : PLATFORMS[spec.platform];
}
