"""Shared building blocks for the check corpus.

Every fixture here is written by hand from the documentation and provider schemas (see
README.md, "Sources"); only the CONTENT of the library's own rules (which ports, which
peers, which priorities) was learned from `adcs-firewall synth`, as the brief allows.
"""
import copy
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# --------------------------------------------------------------------------------------------
# Sources (repo:path@commit or URL) quoted in the cases
# --------------------------------------------------------------------------------------------
HCL = "2efc2662361a9f5fd39f5d0cd46970ce4c3f7be2"
TF = "883c7221ee2e0bc2fad6912fd4b3cc4b53a598a7"
AZ = "69697b7fe6a923fc89e88f386bc95c3ed1ee2ec6"
S = {
    "hcl_spec": f"hashicorp/hcl:json/spec.md@{HCL}",
    "hcl_struct": f"hashicorp/hcl:json/structure.go@{HCL}",
    "hcl_public": f"hashicorp/hcl:json/public.go@{HCL}",
    "hcl_native": f"hashicorp/hcl:hclsyntax/spec.md@{HCL} (line 786)",
    "tf_resource": f"hashicorp/terraform:internal/configs/resource.go@{TF} (line 148)",
    "tf_module": f"hashicorp/terraform:internal/configs/module.go@{TF} (line 393)",
    "tf_jsonplan": f"hashicorp/terraform:internal/command/jsonplan/plan.go@{TF} (Change, lines 96-120; omitUnknowns line 848)",
    "tf_values": f"hashicorp/terraform:internal/command/jsonplan/values.go@{TF} (marshalPlannedValues line 105, marshalAttributeValues line 32)",
    "tf_jsonconfig": f"hashicorp/terraform:internal/command/jsonconfig/config.go@{TF} (marshalResources line 471; opaqueProviderKey line 599)",
    "tf_jsonfmt": "https://developer.hashicorp.com/terraform/internals/json-format",
    "tf_json_syntax": "https://developer.hashicorp.com/terraform/language/syntax/json",
    "tf_count": "https://developer.hashicorp.com/terraform/language/meta-arguments/count",
    "tf_types": "https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-primitive-types",
    "tf_removed": "https://developer.hashicorp.com/terraform/language/block/removed",
    "tf_providers": "https://developer.hashicorp.com/terraform/language/providers/requirements",
    "tf_provider_meta": "https://developer.hashicorp.com/terraform/language/meta-arguments/resource-provider",
    "tf_modules": "https://developer.hashicorp.com/terraform/language/modules",
    "az_rule": f"hashicorp/terraform-provider-azurerm:internal/services/network/network_security_rule_resource.go@{AZ}",
    "az_nsg": f"hashicorp/terraform-provider-azurerm:internal/services/network/network_security_group_resource.go@{AZ}",
    "az_assoc": f"hashicorp/terraform-provider-azurerm:internal/services/network/subnet_network_security_group_association_resource.go@{AZ}",
    "az_consts": f"hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-sdk/resource-manager/network/2025-01-01/securityrules/constants.go@{AZ} (lines 59-149)",
    "az_location": f"hashicorp/terraform-provider-azurerm:vendor/github.com/hashicorp/go-azure-helpers/resourcemanager/commonschema/location.go@{AZ} + resourcemanager/location/normalize.go",
    "az_rule_doc": f"hashicorp/terraform-provider-azurerm:website/docs/r/network_security_rule.html.markdown@{AZ}",
    "az_nic_doc": f"hashicorp/terraform-provider-azurerm:website/docs/r/network_interface_security_group_association.html.markdown@{AZ}",
    "az_admin_doc": f"hashicorp/terraform-provider-azurerm:website/docs/r/network_manager_admin_rule.html.markdown@{AZ}",
    "az_issue659": "https://github.com/hashicorp/terraform-provider-azurerm/issues/659",
    "nsg_overview": "https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview",
    "nsg_how": "https://learn.microsoft.com/en-us/azure/virtual-network/network-security-group-how-it-works",
    "service_tags": "https://learn.microsoft.com/en-us/azure/virtual-network/service-tags-overview",
    "avnm": "MicrosoftDocs/azure-docs:articles/virtual-network-manager/concept-security-admins.md@07760a3cd99934a68a9c5b78fffe9c9951ec7848",
    "az_names": "https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/resource-name-rules",
    "az_rest_rule": "https://learn.microsoft.com/en-us/rest/api/virtualnetwork/security-rules/create-or-update",
    "aws_ingress": "hashicorp/terraform-provider-aws:internal/service/ec2/vpc_security_group_ingress_rule.go@d2b7f56a7c451244abd1e467109ba703bd9eedd3 (Schema; ConfigValidators)",
    "aws_ingress_doc": "hashicorp/terraform-provider-aws:website/docs/r/vpc_security_group_ingress_rule.html.markdown@1997e57c9db9c44431d1b6bb08be1a283e27b6d8",
    "aws_cidr": "hashicorp/terraform-provider-aws:internal/framework/validators/cidr.go@00a35305dc1b297a6fcdecdfbba33f1e63c3da39",
    "aws_sg_doc": "hashicorp/terraform-provider-aws:website/docs/r/security_group.html.markdown@0148137dc6fb802b97b74036846777ab15c0f9ad",
    "aws_sgr_doc": "hashicorp/terraform-provider-aws:website/docs/r/security_group_rule.html.markdown@0261618d30c774161d1e88ebc953e373793fa4a7",
    "aws_attach_doc": "hashicorp/terraform-provider-aws:website/docs/r/network_interface_sg_attachment.html.markdown@03ffdb07e03f1e9902679ed76304852e8543b24f",
    "aws_region": "https://hashicorp.github.io/terraform-provider-aws/enhanced-region-support",
    "aws_sg_rules": "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
    "aws_sg": "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
    "aws_ippermission": "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html",
    "aws_default_sg": "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
    "issue19": "issues show 19 (adcs-firewall)",
    "readme": "adcs-firewall README.md, 'Checking a plan in CI' / 'What gets written'",
}

# --------------------------------------------------------------------------------------------
# Quotes used as grounds (verbatim from the sources above)
# --------------------------------------------------------------------------------------------
Q = {
    "hcl_body": "HCL JSON spec: \"A body is represented in JSON as either a single JSON object or a JSON array of objects.\"",
    "hcl_labels": "HCL JSON spec: \"If the schema defines one or more _labels_ for the block type, a nested JSON object or JSON array of objects is required for each labelling level. These are flattened to a single ordered sequence of object properties using the same algorithm as for body content\" ... \"Arrays can be introduced at either the label definition or block body definition levels to define multiple definitions of the same block type or labels while preserving order.\"",
    "hcl_dup": "HCL JSON spec: \"A JSON HCL parser _must_ support duplicate definitions of the same property name within a single object, preserving all of them and the relative ordering between them.\"",
    "hcl_comment": "HCL JSON spec: \"The special property name \\\"//\\\", when used in an object representing a HCL body, is parsed and ignored. ... (This special property name is _not_ processed in this way for any _other_ HCL constructs that are represented as JSON objects.)\"",
    "hcl_root": "hashicorp/hcl json/public.go: \"The root value in a JSON-based configuration must be either a JSON object or a JSON array of objects.\" (Terraform parses .tf.json with this parser)",
    "hcl_dup_arg": "hashicorp/hcl json/structure.go PartialContent: a second property for an attribute already set yields the error diagnostic \"Duplicate argument\": \"The argument %q was already set at %s.\"",
    "hcl_null_block": "hashicorp/hcl json/structure.go unpackBlock: \"case *nullVal: // There is no block content, e.g the value is null. return\" (no block is produced); HCL JSON spec: \"The JSON value `null`, when interpreted as an expression, represents a HCL null value\"",
    "tf_dup_resource": "hashicorp/terraform internal/configs/module.go: \"Duplicate resource %q configuration\" ... \"Resource names must be unique per type in each module.\"",
    "tf_bad_name": "hashicorp/terraform internal/configs/resource.go: if !hclsyntax.ValidIdentifier(r.Name) -> \"Invalid resource name\": \"A name must start with a letter or underscore and may contain only letters, digits, underscores, and dashes.\"",
    "tf_conv": "Terraform type constraints, Conversion of Primitive Types: \"The Terraform language will automatically convert number and bool values to string values when needed, and vice-versa as long as the string contains a valid representation of a number or boolean value.\"",
    "tf_count0": "Terraform count meta-argument: the resource gets one instance per index from 0 to count - 1; \"count = 0\" creates no instance.",
    "tf_escape": "HCL native syntax spec (templates, used for JSON strings in full expression mode): \"The `${` sequence is escaped as `$${`\"",
    "tf_planned_delete": "hashicorp/terraform jsonplan/values.go marshalPlannedValues: \"If the resource is being deleted or forgotten (removed from state), skip over it.\"; jsonplan/plan.go Change: actions [\"delete\"], [\"delete\",\"create\"] / [\"create\",\"delete\"] (replace), [\"forget\"]; \"For [\\\"create\\\"] and [\\\"delete\\\"]/[\\\"forget\\\"] actions, either \\\"before\\\" or \\\"after\\\" is unset (respectively).\"",
    "tf_unknown": "hashicorp/terraform jsonplan/plan.go Change.AfterUnknown: \"an object value with similar structure to After, but with all unknown leaf values replaced with true, and all known leaf values omitted\"; omitUnknowns drops unknown attributes from planned_values (\"case !val.IsKnown(): return cty.NilVal\"); marshalAttributeValues writes every other attribute, nulls included.",
    "tf_removed": "Terraform removed block: \"The removed block specifies a resource to remove from state without changing the underlying infrastructure.\" (lifecycle { destroy = false } plans the action [\"forget\"])",
    "az_nsg_first_match": "NSG overview, Priority: \"Rules are processed in priority order, with lower numbers processed before higher numbers ... Once traffic matches a rule, processing stops.\"",
    "az_defaults": "NSG overview, Default security rules: AllowVNetInBound 65000 (VirtualNetwork -> VirtualNetwork, Any, Allow), AllowAzureLoadBalancerInBound 65001, DenyAllInBound 65500; \"You can't remove the default rules, but you can override them by creating rules with higher priorities.\"",
    "az_vnet_tag": "Service tags overview, VirtualNetwork: \"The virtual network address space (all IP address ranges defined for the virtual network), all connected on-premises address spaces, peered virtual networks, virtual networks connected to a virtual network gateway, the virtual IP address of the host, and address prefixes used on user-defined routes. This tag might also contain default routes.\"",
    "issue_vnet": "Issue 19, principle 5: \"a Deny from `VirtualNetwork` cancels what the default Allow from `VirtualNetwork` admits, whatever the tag holds; an Allow from it may admit anything the tag can hold; a Deny written with explicit prefixes is credited only with those prefixes (three RFC 1918 denies are not a `VirtualNetwork` deny).\"",
    "issue_effect": "Issue 19, principle 5: \"Deny-by-default holds when the traffic it must deny is denied, however the denying rules are written or split; a rule that can never match (shadowed by an earlier rule) changes nothing; rules written differently but admitting the same traffic give the same verdict.\"",
    "issue_failclosed": "Issue 19, principle 2: \"Anything in the input that could change what reaches an enforcement point of the estate, and that the evaluator does not model, makes the verdict *unresolved* ... That covers other resource types and providers that can write rules or associations, modules, data sources that stand for a tier's NSG or group, anything attaching groups or NSGs to the estate's hosts, and references whose target is ambiguous.\"",
    "issue_where": "Issue 19, principle 3: \"Where a rule, NSG or group lands is part of its identity (resource group, provider configuration and alias, subscription, region, VPC). A resource under the default provider configuration lands where the spec says; only an alias, or an attribute that contradicts the spec (`resource_group_name`, `vpc_id`, `location`), puts it elsewhere (it then enforces nothing of the estate) or makes it unresolved\"",
    "issue_shared": "Issue 19, shared estates: \"At an enforcement point the estate owns (a created NSG or group; an existing NSG with `denyByDefault: true`) everything is judged strictly, foreign rules included. At a point it does not own (an existing NSG without `denyByDefault`, an existing AWS group), foreign rules belong to another team: traffic no flow needs that passes through one is a warning naming the rule as foreign, not a failure; the library's own rules there are judged strictly, and needed flows blocked by anything are failures everywhere.\"",
    "issue_library_rule": "Issue 19: \"a rule is the library's when it is one the planner writes for this estate (same address, or same NSG/group, direction and content); every other rule is foreign.\"",
    "issue_module_cdk": "Issue 19, principle 3: \"In a `cdk.tf.json`, a `module` block is unresolved.\"",
    "issue_exit": "Issue 19: \"Exit codes: 0 when every verdict holds; 1 for any failing finding, unresolved elements, values the provider would reject and syntax forms the reader refuses included; 2 only for input that is not readable as JSON or is not Terraform JSON at all, named.\"",
    "issue_values": "Issue 19, principle 4: \"An attribute outside its validation (case-sensitive enums, `ConflictsWith`, `ExactlyOneOf`, required attributes, network addresses with host bits, ports and priorities out of range) makes the plan invalid: report it as such, with the attribute, the value and the provider's rule\"",
    "issue_nulls": "Issue 19: \"`terraform show -json` of an AWS plan writes every unset optional attribute of `aws_vpc_security_group_ingress_rule` as `null` (`cidr_ipv6`, `prefix_list_id`, `referenced_security_group_id`, ...). Built that way from the AWS example, `check` reports 342 \\\"null cannot be resolved\\\" findings and fails a plan that is exactly right\"",
    "aws_union": "Amazon VPC User Guide, Security group rules: \"Security groups are stateful\" ... \"If you associate multiple security groups with a resource, the rules from each security group are aggregated to form a single set of rules\"; security groups hold allow rules only.",
    "aws_exactly_one": "terraform-provider-aws vpc_security_group_ingress_rule.go ConfigValidators: resourcevalidator.ExactlyOneOf(cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id); docs: \"you *must* provide one of them\"",
    "aws_tf_egress": "terraform-provider-aws docs aws_security_group, NOTE on Egress rules: \"When creating a new Security Group inside a VPC, **Terraform will remove this default rule**, and require you specifically re-create it if you desire that rule.\"",
    "aws_region": "AWS provider, Enhanced Region Support: \"Version 6.0.0 of the Terraform AWS Provider introduces Enhanced Region Support, an additional top-level region argument which allows that resource to be managed in a Region other than the one defined in the provider configuration.\" ... \"The effective Region is the value of the top-level region argument if configured or the Region defined in the provider configuration.\"",
}

SUBS = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets"
SUB_CA = SUBS + "/snet-ca"
SUB_DC = SUBS + "/snet-dc"
SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"

# --------------------------------------------------------------------------------------------
# Duplicate-key JSON: represented as Pairs, serialised by hand
# --------------------------------------------------------------------------------------------
class Pairs:
    """A JSON object whose property names may repeat (kept in order)."""

    def __init__(self, items):
        self.items = list(items)


def dumps(v, indent=2, level=0):
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if isinstance(v, Pairs):
        if not v.items:
            return "{}"
        return "{\n" + ",\n".join(pad + json.dumps(k) + ": " + dumps(x, indent, level + 1) for k, x in v.items) + "\n" + end + "}"
    if isinstance(v, dict):
        return dumps(Pairs(v.items()), indent, level)
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + ",\n".join(pad + dumps(x, indent, level + 1) for x in v) + "\n" + end + "]"
    return json.dumps(v)


# --------------------------------------------------------------------------------------------
# Case registry
# --------------------------------------------------------------------------------------------
CASES = []


def case(cid, cls, title, spec, plan_file, plan, exit_code, because, names, grounds, source, uncertain=None, raw=False, text=False):
    c = {
        "id": cid,
        "class": cls,
        "title": title,
        "spec": spec,
        "planFile": plan_file,
        "plan": dumps(plan) if raw else plan,  # raw/text: the exact file text
        "expect": {"exit": exit_code, "because": because, "names": names},
        "grounds": grounds,
        "source": source,
    }
    if raw or text:
        c["planIsText"] = True
    if uncertain:
        c["uncertain"] = uncertain
    c["current"] = {"exit": None, "note": "not run yet"}
    CASES.append(c)
    return c


def deep(x):
    return copy.deepcopy(x)
