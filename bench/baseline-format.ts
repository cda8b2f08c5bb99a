// The file the bench writes for the baseline program: the example estates' resources as plain
// data (no import of the library, so the baseline can read it without loading the library).

/** A reference to another resource of the same stack: its construct id and attribute. */
export interface BaselineRef {
  /** Construct id of the referenced resource. */
  readonly ref: string;
  /** Attribute (`id`, `name`, ...). */
  readonly attr: 'id' | 'name' | 'resourceGroupName';
}

/** One Azure stack: NSGs with their rules and subnet associations. */
export interface BaselineAzureStack {
  /** Discriminator. */
  readonly platform: 'azure';
  /** Stack name. */
  readonly name: string;
  /** NSGs created (with `config`) or existing (rules only). */
  readonly nsgs: readonly {
    readonly id: string;
    readonly config?: { name: string; location: string; resourceGroupName: string; tags: Record<string, string> };
    readonly existing?: { name: string; resourceGroupName: string };
    readonly associations: readonly { id: string; subnetId: string }[];
    readonly rules: readonly { id: string; config: Record<string, unknown> }[];
  }[];
}

/** One AWS stack: security groups, rules and outputs. */
export interface BaselineAwsStack {
  /** Discriminator. */
  readonly platform: 'aws';
  /** Stack name. */
  readonly name: string;
  /** Region of the provider, when set. */
  readonly region?: string;
  /** Groups by key: created (with `config`) or existing (`securityGroupId`). */
  readonly groups: readonly {
    readonly key: string;
    readonly id?: string;
    readonly config?: { name: string; description: string; vpcId: string; tags: Record<string, string> };
    readonly securityGroupId?: string;
  }[];
  /** Rules: the group and the peer group are given by key. */
  readonly rules: readonly {
    readonly id: string;
    readonly direction: 'ingress' | 'egress';
    readonly groupKey: string;
    readonly peerGroupKey?: string;
    readonly config: Record<string, unknown>;
  }[];
  /** Outputs of created groups' ids. */
  readonly outputs: readonly { id: string; groupKey: string; description: string }[];
}

/** What the baseline program reads: the stacks to declare. */
export interface BaselineInput {
  /** One stack per example estate. */
  readonly stacks: readonly (BaselineAzureStack | BaselineAwsStack)[];
}
