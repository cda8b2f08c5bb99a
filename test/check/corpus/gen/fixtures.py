"""Hand-written fixtures: HCL JSON (cdk.tf.json) and `terraform show -json` documents.

Shapes follow: HCL JSON spec (hashicorp/hcl json/spec.md), Terraform's JSON output format
(developer.hashicorp.com/terraform/internals/json-format and hashicorp/terraform
internal/command/json{plan,state,config}), the azurerm provider schema
(network_security_rule_resource.go, network_security_group_resource.go,
subnet_network_security_group_association_resource.go) and the AWS provider schema
(vpc_security_group_ingress_rule.go, aws_security_group docs; v6 adds the top-level `region`).
"""
import zlib

from common import SUBSCRIPTION, SUB_CA, SUB_DC, deep

# ============================================================================================
# Azure: the rules' CONTENT (from `synth`), written in our own shapes
# ============================================================================================
CA, DC, CL, AD = "10.0.1.0/24", "10.0.0.0/24", "10.20.0.0/16", "10.0.9.0/28"
TCP_CA_DC = ["53", "88", "135", "389", "445", "464", "636", "3268-3269", "49152-65535"]
UDP_DIR = ["53", "88", "389", "464"]
TCP_CL_DC = ["53", "88", "389", "464", "636", "3268-3269"]


def R(key, nsg, d, access, prio, proto, src, dst, ports, name=None, desc=None):
    return {"key": key, "nsg": nsg, "dir": d, "access": access, "prio": prio, "proto": proto,
            "src": src, "dst": dst, "ports": ports, "name": name or key.replace("_", "-"), "desc": desc}


def az_created_rules():
    """Spec az-created: CA and DC on created NSGs pki-ca-nsg / pki-dc-nsg."""
    return [
        R("ca_in_clients_tcp", "ca", "Inbound", "Allow", 132, "Tcp", CL, CA, ["135", "10509"]),
        R("ca_in_dc_tcp", "ca", "Inbound", "Allow", 140, "Tcp", DC, CA, ["135", "10509"]),
        R("ca_in_admins_tcp", "ca", "Inbound", "Allow", 152, "Tcp", AD, CA, ["135", "3389", "10509"]),
        R("ca_out_dc_tcp", "ca", "Outbound", "Allow", 140, "Tcp", CA, DC, TCP_CA_DC),
        R("ca_out_dc_udp", "ca", "Outbound", "Allow", 141, "Udp", CA, DC, UDP_DIR),
        R("ca_allow_probes", "ca", "Inbound", "Allow", 4095, "*", "AzureLoadBalancer", "*", "*"),
        R("ca_deny_vnet", "ca", "Inbound", "Deny", 4096, "*", "VirtualNetwork", "*", "*"),
        R("dc_in_clients_tcp", "dc", "Inbound", "Allow", 228, "Tcp", CL, DC, TCP_CL_DC),
        R("dc_in_clients_udp", "dc", "Inbound", "Allow", 229, "Udp", CL, DC, UDP_DIR),
        R("dc_in_ca_tcp", "dc", "Inbound", "Allow", 230, "Tcp", CA, DC, TCP_CA_DC),
        R("dc_in_ca_udp", "dc", "Inbound", "Allow", 231, "Udp", CA, DC, UDP_DIR),
        R("dc_in_admins_tcp", "dc", "Inbound", "Allow", 248, "Tcp", AD, DC, ["53", "88", "389", "464", "3268"]),
        R("dc_in_admins_udp", "dc", "Inbound", "Allow", 249, "Udp", AD, DC, UDP_DIR),
        R("dc_in_admins_icmp", "dc", "Inbound", "Allow", 686, "Icmp", AD, DC, "*"),
        R("dc_out_ca_tcp", "dc", "Outbound", "Allow", 230, "Tcp", DC, CA, ["135", "10509"]),
        R("dc_allow_probes", "dc", "Inbound", "Allow", 4095, "*", "AzureLoadBalancer", "*", "*"),
        R("dc_deny_vnet", "dc", "Inbound", "Deny", 4096, "*", "VirtualNetwork", "*", "*"),
    ]


# The library's addresses for the rules it writes on the existing DC NSG (az-shared*),
# as `synth` names them (used where "same address" decides that a rule is the library's).
LIB_IDC = {
    "idc_in_clients_tcp": "adcs_azure_existing-rg-identity-nsg-identity-dc-in-clients-dc-tcp_E1FDD328",
    "idc_in_clients_udp": "adcs_azure_existing-rg-identity-nsg-identity-dc-in-clients-dc-udp_3E4DD9DF",
    "idc_in_ca_tcp": "adcs_azure_existing-rg-identity-nsg-identity-dc-in-ca-dc-tcp_B7925140",
    "idc_in_ca_udp": "adcs_azure_existing-rg-identity-nsg-identity-dc-in-ca-dc-udp_B00E4294",
    "idc_out_ca_tcp": "adcs_azure_existing-rg-identity-nsg-identity-dc-out-dc-ca-tcp_DB638E5E",
}


def az_shared_rules(deny=False):
    """Spec az-shared / az-shared-deny: CA on a created NSG, DCs on the existing nsg-identity-dc."""
    rules = [
        R("ca_in_clients_tcp", "ca", "Inbound", "Allow", 132, "Tcp", CL, CA, ["135", "10509"]),
        R("ca_in_dc_tcp", "ca", "Inbound", "Allow", 140, "Tcp", DC, CA, ["135", "10509"]),
        R("ca_out_dc_tcp", "ca", "Outbound", "Allow", 140, "Tcp", CA, DC, TCP_CA_DC),
        R("ca_out_dc_udp", "ca", "Outbound", "Allow", 141, "Udp", CA, DC, UDP_DIR),
        R("ca_allow_probes", "ca", "Inbound", "Allow", 4095, "*", "AzureLoadBalancer", "*", "*"),
        R("ca_deny_vnet", "ca", "Inbound", "Deny", 4096, "*", "VirtualNetwork", "*", "*"),
        R("idc_in_clients_tcp", "idc", "Inbound", "Allow", 3128, "Tcp", CL, DC, TCP_CL_DC),
        R("idc_in_clients_udp", "idc", "Inbound", "Allow", 3129, "Udp", CL, DC, UDP_DIR),
        R("idc_in_ca_tcp", "idc", "Inbound", "Allow", 3130, "Tcp", CA, DC, TCP_CA_DC),
        R("idc_in_ca_udp", "idc", "Inbound", "Allow", 3131, "Udp", CA, DC, UDP_DIR),
        R("idc_out_ca_tcp", "idc", "Outbound", "Allow", 3130, "Tcp", DC, CA, ["135", "10509"]),
    ]
    if deny:
        rules += [
            R("idc_allow_probes", "idc", "Inbound", "Allow", 3498, "*", "AzureLoadBalancer", DC, "*"),
            R("idc_deny_vnet", "idc", "Inbound", "Deny", 3499, "*", "VirtualNetwork", DC, "*"),
        ]
    return rules


NSG_NAMES = {"ca": "pki-ca-nsg", "dc": "pki-dc-nsg", "idc": "nsg-identity-dc"}
NSG_RG = {"ca": "rg-pki", "dc": "rg-pki", "idc": "rg-identity"}


def nsg_id(k, rg=None):
    return (f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{rg or NSG_RG[k]}/providers/"
            f"Microsoft.Network/networkSecurityGroups/{NSG_NAMES[k]}")


def az_rule_body(r, refs=True):
    """HCL JSON body of an azurerm_network_security_rule (arguments per the provider schema)."""
    if r["nsg"] in ("ca", "dc") and refs:
        nsg = {"network_security_group_name": "${azurerm_network_security_group.%s.name}" % r["nsg"],
               "resource_group_name": "${azurerm_network_security_group.%s.resource_group_name}" % r["nsg"]}
    else:
        nsg = {"network_security_group_name": NSG_NAMES[r["nsg"]], "resource_group_name": NSG_RG[r["nsg"]]}
    b = {"name": r["name"]}
    b.update(nsg)
    b.update({"priority": r["prio"], "direction": r["dir"], "access": r["access"], "protocol": r["proto"],
              "source_port_range": "*"})
    if isinstance(r["src"], list):
        b["source_address_prefixes"] = r["src"]
    else:
        b["source_address_prefix"] = r["src"]
    if isinstance(r["dst"], list):
        b["destination_address_prefixes"] = r["dst"]
    else:
        b["destination_address_prefix"] = r["dst"]
    if r["ports"] == "*" or isinstance(r["ports"], str):
        b["destination_port_range"] = r["ports"]
    elif len(r["ports"]) == 1:
        b["destination_port_range"] = r["ports"][0]
    else:
        b["destination_port_ranges"] = list(r["ports"])
    if r.get("desc"):
        b["description"] = r["desc"]
    return b


def az_nsg_body(k, location="westeurope"):
    return {"name": NSG_NAMES[k], "resource_group_name": NSG_RG[k], "location": location,
            "tags": {"owner": "pki", "tier": k}}


def az_doc(rules, created=("ca", "dc"), subnets=None, comments=False):
    """A hand-written cdk.tf.json for an Azure estate (objects at every level)."""
    subnets = subnets or {"ca": SUB_CA, "dc": SUB_DC}
    res = {
        "azurerm_network_security_group": {k: az_nsg_body(k) for k in created},
        "azurerm_subnet_network_security_group_association": {
            k: {"subnet_id": subnets[k], "network_security_group_id": "${azurerm_network_security_group.%s.id}" % k}
            for k in created},
        "azurerm_network_security_rule": {r["key"]: az_rule_body(r) for r in rules},
    }
    doc = {
        "terraform": {"required_providers": {"azurerm": {"source": "hashicorp/azurerm", "version": "~> 4.0"}}},
        "provider": {"azurerm": {"features": {}}},
        "resource": res,
    }
    if comments:
        doc = {"//": "hand-written for the check corpus", **doc}
        doc["provider"]["azurerm"]["//"] = "default provider configuration"
        for body in res["azurerm_network_security_rule"].values():
            body["//"] = {"metadata": {"note": "comment property: ignored in a block body"}}
    return doc


def rules_of(doc):
    return doc["resource"]["azurerm_network_security_rule"]


# ============================================================================================
# Azure: `terraform show -json` values (planned create form and state form)
# ============================================================================================
AZ_RULE_ATTRS = ["access", "description", "destination_address_prefix", "destination_address_prefixes",
                 "destination_application_security_group_ids", "destination_port_range",
                 "destination_port_ranges", "direction", "id", "name", "network_security_group_name",
                 "priority", "protocol", "resource_group_name", "source_address_prefix",
                 "source_address_prefixes", "source_application_security_group_ids", "source_port_range",
                 "source_port_ranges", "timeouts"]
AZ_SET_ATTRS = {"destination_address_prefixes", "destination_application_security_group_ids",
                "destination_port_ranges", "source_address_prefixes", "source_application_security_group_ids",
                "source_port_ranges"}
AZ_NESTED_RULE_ATTRS = [a for a in AZ_RULE_ATTRS if a not in ("id", "network_security_group_name",
                                                              "resource_group_name", "timeouts")]


def _cty_set(xs):
    return sorted(xs)  # cty serialises a set of strings in lexical order


def az_rule_values(r, state=False):
    """All schema attributes of azurerm_network_security_rule: null (plan) or SDKv2 zero values
    ("" / [], state) for the unset ones; `id` omitted in a plan (unknown until apply)."""
    b = az_rule_body(r, refs=False)
    v = {}
    for a in AZ_RULE_ATTRS:
        if a == "id":
            if state:
                v["id"] = nsg_id(r["nsg"]) + "/securityRules/" + r["name"]
            continue
        if a == "timeouts":
            v[a] = None
            continue
        if a in b:
            v[a] = _cty_set(b[a]) if a in AZ_SET_ATTRS else b[a]
        elif state:
            v[a] = [] if a in AZ_SET_ATTRS else ""
        else:
            v[a] = None
    return v


def az_nested_rule(r):
    """One element of an NSG's computed `security_rule` as the provider's Read writes it."""
    full = az_rule_values(r, state=True)
    return {a: full[a] for a in AZ_NESTED_RULE_ATTRS}


def az_rule_expressions(r):
    e = {}
    b = az_rule_body(r, refs=True)
    for a, x in b.items():
        if isinstance(x, str) and x.startswith("${"):
            ref = x[2:-1]
            e[a] = {"references": [ref, ref.rsplit(".", 1)[0]]}
        else:
            e[a] = {"constant_value": x}
    return e


def unknown_lists(v):
    """after_unknown shape for known values: lists -> [false...], maps -> {}."""
    out = {}
    for k, x in v.items():
        if isinstance(x, list):
            out[k] = [False for _ in x] if not (x and isinstance(x[0], dict)) else [unknown_lists(e) for e in x]
        elif isinstance(x, dict):
            out[k] = {}
    return out


def sensitive_shape(v):
    return unknown_lists(v)


class Res:
    """One resource instance of a `terraform show -json` document."""

    def __init__(self, type_, name, provider, after=None, before=None, unknown=None, expressions=None,
                 actions=("create",), module=None, index=None, provider_key=None, in_config=True,
                 mode="managed", schema_version=0, config_address=None):
        self.type, self.name, self.provider = type_, name, provider
        self.after, self.before = after, before
        self.unknown = unknown or []
        self.expressions = expressions or {}
        self.actions = list(actions)
        self.module, self.index = module, index
        self.provider_key = provider_key
        self.in_config, self.mode, self.schema_version = in_config, mode, schema_version

    @property
    def address(self):
        a = ("data." if self.mode == "data" else "") + f"{self.type}.{self.name}"
        if self.index is not None:
            a += f"[{self.index}]" if isinstance(self.index, int) else f'["{self.index}"]'
        return (self.module + "." if self.module else "") + a

    def state_entry(self, values):
        e = {"address": self.address, "mode": self.mode, "type": self.type, "name": self.name}
        if self.index is not None:
            e["index"] = self.index
        e.update({"provider_name": self.provider, "schema_version": self.schema_version,
                  "values": values, "sensitive_values": sensitive_shape(values)})
        return e


def _modules(entries):
    """Group state/planned entries by module address into root_module/child_modules."""
    root = {"resources": []}
    children = {}
    for mod, e in entries:
        if mod is None:
            root["resources"].append(e)
        else:
            children.setdefault(mod, {"resources": [], "address": mod})["resources"].append(e)
    if children:
        root["child_modules"] = [children[k] for k in sorted(children)]
    if not root["resources"]:
        del root["resources"]
    return root


def show_plan(resources, provider_config, tf_version="1.9.8", variables=None, module_calls=None):
    """Build a plan document in Terraform's JSON output format."""
    planned, prior, changes = [], [], []
    for r in resources:
        if r.after is not None and not ({"delete", "forget"} & set(r.actions) and "create" not in r.actions):
            planned.append((r.module, r.state_entry(r.after)))
        if r.before is not None:
            prior.append((r.module, r.state_entry(r.before)))
        ch = {"actions": r.actions, "before": r.before, "after": r.after,
              "after_unknown": ({**unknown_lists(r.after), **{u: True for u in r.unknown}} if r.after is not None else {}),
              "before_sensitive": sensitive_shape(r.before) if r.before is not None else False,
              "after_sensitive": sensitive_shape(r.after) if r.after is not None else False}
        rc = {"address": r.address}
        if r.module:
            rc["module_address"] = r.module
        rc.update({"mode": r.mode, "type": r.type, "name": r.name})
        if r.index is not None:
            rc["index"] = r.index
        rc.update({"provider_name": r.provider, "change": ch})
        if r.actions == ["delete"] and not r.in_config:
            rc["action_reason"] = "delete_because_no_resource_config"
        changes.append(rc)
    conf_root = {"resources": []}
    for r in resources:
        if not r.in_config or r.module is not None or (r.index not in (None, 0)):
            continue
        cr = {"address": f"{r.type}.{r.name}", "mode": r.mode, "type": r.type, "name": r.name,
              "provider_config_key": r.provider_key or r.provider.rsplit("/", 1)[1],
              "expressions": r.expressions, "schema_version": r.schema_version}
        conf_root["resources"].append(cr)
    conf_root["resources"].sort(key=lambda x: x["address"])
    if not conf_root["resources"]:
        del conf_root["resources"]
    if module_calls:
        conf_root["module_calls"] = module_calls
    if variables:
        conf_root["variables"] = {k: {"default": v} for k, v in variables.items()}
    doc = {"format_version": "1.2", "terraform_version": tf_version}
    if variables:
        doc["variables"] = {k: {"value": v} for k, v in variables.items()}
    doc["planned_values"] = {"root_module": _modules(planned)}
    doc["resource_changes"] = changes
    if prior:
        doc["prior_state"] = {"format_version": "1.0", "terraform_version": tf_version,
                              "values": {"root_module": _modules(prior)}}
    doc["configuration"] = {"provider_config": provider_config, "root_module": conf_root}
    doc["timestamp"] = "2026-11-30T09:12:44Z"
    doc["applyable"] = True
    doc["complete"] = True
    doc["errored"] = False
    return doc


def show_state(resources, tf_version="1.9.8"):
    entries = [(r.module, r.state_entry(r.before if r.before is not None else r.after)) for r in resources]
    return {"format_version": "1.0", "terraform_version": tf_version, "values": {"root_module": _modules(entries)}}


AZ_PROVIDER = "registry.terraform.io/hashicorp/azurerm"
AZ_PROVIDER_CONFIG = {"azurerm": {"name": "azurerm", "full_name": AZ_PROVIDER, "version_constraint": "~> 4.0",
                                  "expressions": {"features": [{}]}}}


def az_nsg_values(k, rules=None, state=False, location="westeurope"):
    v = {"location": location, "name": NSG_NAMES[k], "resource_group_name": NSG_RG[k],
         "tags": {"owner": "pki", "tier": k}, "timeouts": None}
    if state:
        v = {"id": nsg_id(k), **v, "security_rule": sorted((az_nested_rule(r) for r in (rules or [])),
                                                            key=lambda x: (x["direction"], x["priority"]))}
        v = {key: v[key] for key in ["id", "location", "name", "resource_group_name", "security_rule", "tags", "timeouts"]}
    return v


def az_nsg_expressions(k):
    return {"location": {"constant_value": "westeurope"}, "name": {"constant_value": NSG_NAMES[k]},
            "resource_group_name": {"constant_value": NSG_RG[k]},
            "tags": {"constant_value": {"owner": "pki", "tier": k}}}


def az_assoc_values(k, subnet, state=False):
    if state:
        return {"id": subnet, "network_security_group_id": nsg_id(k), "subnet_id": subnet, "timeouts": None}
    return {"subnet_id": subnet, "timeouts": None}


def az_assoc_expressions(k, subnet):
    return {"network_security_group_id": {"references": [f"azurerm_network_security_group.{k}.id",
                                                         f"azurerm_network_security_group.{k}"]},
            "subnet_id": {"constant_value": subnet}}


def az_create_resources(rules, created=("ca", "dc"), subnets=None, module=None):
    """Resources of a first plan (everything created)."""
    subnets = subnets or {"ca": SUB_CA, "dc": SUB_DC}
    out = []
    for k in created:
        out.append(Res("azurerm_network_security_group", k, AZ_PROVIDER, after=az_nsg_values(k),
                       unknown=["id", "security_rule"], expressions=az_nsg_expressions(k), module=module))
        out.append(Res("azurerm_subnet_network_security_group_association", k, AZ_PROVIDER,
                       after=az_assoc_values(k, subnets[k]), unknown=["id", "network_security_group_id"],
                       expressions=az_assoc_expressions(k, subnets[k]), module=module))
    for r in rules:
        out.append(Res("azurerm_network_security_rule", r["key"], AZ_PROVIDER, after=az_rule_values(r),
                       unknown=["id"], expressions=az_rule_expressions(r), module=module))
    return out


def az_state_resources(rules, created=("ca", "dc"), subnets=None, nsg_extra=None, actions=("no-op",)):
    """Resources of a deployed estate (before == after, state form). nsg_extra: {nsg: [rules only
    present in the NSG's computed security_rule]}"""
    subnets = subnets or {"ca": SUB_CA, "dc": SUB_DC}
    nsg_extra = nsg_extra or {}
    out = []
    for k in created:
        nrules = [r for r in rules if r["nsg"] == k] + nsg_extra.get(k, [])
        v = az_nsg_values(k, nrules, state=True)
        out.append(Res("azurerm_network_security_group", k, AZ_PROVIDER, after=v, before=deep(v),
                       actions=actions, expressions=az_nsg_expressions(k)))
        a = az_assoc_values(k, subnets[k], state=True)
        out.append(Res("azurerm_subnet_network_security_group_association", k, AZ_PROVIDER, after=a,
                       before=deep(a), actions=actions, expressions=az_assoc_expressions(k, subnets[k])))
    for r in rules:
        v = az_rule_values(r, state=True)
        out.append(Res("azurerm_network_security_rule", r["key"], AZ_PROVIDER, after=v, before=deep(v),
                       actions=actions, expressions=az_rule_expressions(r)))
    return out


# ============================================================================================
# AWS: the rules' CONTENT (from `synth`), written in our own shapes
# ============================================================================================
AWS_VPC = "vpc-0a1b2c3d4e5f67890"
AWS_CA, AWS_DC, AWS_CL = "10.50.1.0/24", "10.50.0.0/24", "10.20.0.0/16"
DC_SG_EXISTING = "sg-0123456789abcdef0"
AWS_PROVIDER = "registry.terraform.io/hashicorp/aws"
AWS_PROVIDER_CONFIG = {"aws": {"name": "aws", "full_name": AWS_PROVIDER, "version_constraint": "~> 6.0",
                               "expressions": {"region": {"constant_value": "eu-west-1"}}}}
ACCOUNT = "111122223333"

TCP_DIR_CA = [(53, 53), (88, 88), (135, 135), (389, 389), (445, 445), (464, 464), (636, 636), (3268, 3269),
              (49152, 65535)]
UDP_DIR_P = [(53, 53), (88, 88), (389, 389), (464, 464)]
TCP_DIR_CL = [(53, 53), (88, 88), (389, 389), (464, 464), (636, 636), (3268, 3269)]


def A(key, direction, group, proto, lo, hi, cidr=None, ref=None, desc=None):
    return {"key": key, "dir": direction, "group": group, "proto": proto, "from": lo, "to": hi,
            "cidr": cidr, "ref": ref, "desc": desc}


def _pname(lo, hi):
    return str(lo) if lo == hi else f"{lo}_{hi}"


def aws_rules(dc="dc"):
    """Spec aws-created (dc='dc': created group) or aws-shared (dc='existing': sg-0123...)."""
    rules = []
    for lo, hi in [(135, 135), (10509, 10509)]:
        rules.append(A(f"ca_in_clients_tcp_{_pname(lo, hi)}", "in", "ca", "tcp", lo, hi, cidr=AWS_CL))
        rules.append(A(f"ca_in_dc_tcp_{_pname(lo, hi)}", "in", "ca", "tcp", lo, hi, ref=dc))
        rules.append(A(f"dc_out_ca_tcp_{_pname(lo, hi)}", "out", dc, "tcp", lo, hi, ref="ca"))
    for lo, hi in TCP_DIR_CA:
        rules.append(A(f"ca_out_dc_tcp_{_pname(lo, hi)}", "out", "ca", "tcp", lo, hi, ref=dc))
        rules.append(A(f"dc_in_ca_tcp_{_pname(lo, hi)}", "in", dc, "tcp", lo, hi, ref="ca"))
    for lo, hi in UDP_DIR_P:
        rules.append(A(f"ca_out_dc_udp_{_pname(lo, hi)}", "out", "ca", "udp", lo, hi, ref=dc))
        rules.append(A(f"dc_in_ca_udp_{_pname(lo, hi)}", "in", dc, "udp", lo, hi, ref="ca"))
        rules.append(A(f"dc_in_clients_udp_{_pname(lo, hi)}", "in", dc, "udp", lo, hi, cidr=AWS_CL))
    for lo, hi in TCP_DIR_CL:
        rules.append(A(f"dc_in_clients_tcp_{_pname(lo, hi)}", "in", dc, "tcp", lo, hi, cidr=AWS_CL))
    return rules


SG_IDS_STATE = {"ca": "sg-0ca0ca0ca0ca0ca01", "dc": "sg-0dc0dc0dc0dc0dc01", "existing": DC_SG_EXISTING}


def aws_group_ref(g, attr="id"):
    if g == "existing":
        return DC_SG_EXISTING
    return "${aws_security_group.%s.%s}" % (g, attr)


def aws_rule_type(r):
    return "aws_vpc_security_group_ingress_rule" if r["dir"] == "in" else "aws_vpc_security_group_egress_rule"


def aws_rule_body(r):
    b = {"security_group_id": aws_group_ref(r["group"]), "ip_protocol": r["proto"]}
    if r["from"] is not None:
        b["from_port"] = r["from"]
        b["to_port"] = r["to"]
    if r.get("cidr"):
        b["cidr_ipv4"] = r["cidr"]
    if r.get("cidr6"):
        b["cidr_ipv6"] = r["cidr6"]
    if r.get("ref"):
        b["referenced_security_group_id"] = aws_group_ref(r["ref"])
    if r.get("pl"):
        b["prefix_list_id"] = r["pl"]
    b["description"] = r.get("desc") or f"pki {r['key']}"
    return b


def aws_sg_body(k):
    return {"name": f"pki-{k}", "description": f"AD CS tier {k}", "vpc_id": AWS_VPC,
            "tags": {"Name": f"pki-{k}", "owner": "pki"}}


def aws_doc(rules, created=("ca", "dc"), comments=False):
    res = {"aws_security_group": {k: aws_sg_body(k) for k in created},
           "aws_vpc_security_group_ingress_rule": {}, "aws_vpc_security_group_egress_rule": {}}
    for r in rules:
        res[aws_rule_type(r)][r["key"]] = aws_rule_body(r)
    doc = {"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 6.0"}}},
           "provider": {"aws": {"region": "eu-west-1"}},
           "resource": res}
    if comments:
        doc = {"//": "hand-written for the check corpus", **doc}
        for t in ("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"):
            for b in res[t].values():
                b["//"] = "comment property: ignored in a block body"
    return doc


AWS_RULE_ATTRS = ["arn", "cidr_ipv4", "cidr_ipv6", "description", "from_port", "id", "ip_protocol",
                  "prefix_list_id", "referenced_security_group_id", "region", "security_group_id",
                  "security_group_rule_id", "tags", "tags_all", "to_port"]
_sgr_counter = [0]


def aws_rule_values(r, state=False, region="eu-west-1"):
    """Every schema attribute of aws_vpc_security_group_{ingress,egress}_rule (v6: + region).
    Unset optionals are null (plan and state alike: plugin framework); unknowns are omitted in a
    plan and listed in `unknown`."""
    b = aws_rule_body(r)
    v, unknown = {}, []
    for a in AWS_RULE_ATTRS:
        if a in ("arn", "id", "security_group_rule_id"):
            if state:
                sgr = "sgr-%017x" % (0xabc0000 + zlib.crc32(r["key"].encode()) % 0xffffff)
                v[a] = (f"arn:aws:ec2:{region}:{ACCOUNT}:security-group-rule/{sgr}" if a == "arn" else sgr)
            else:
                unknown.append(a)
            continue
        if a == "region":
            v[a] = region
            continue
        if a == "tags":
            v[a] = None
            continue
        if a == "tags_all":
            v[a] = {}
            continue
        x = b.get(a)
        if isinstance(x, str) and x.startswith("${aws_security_group."):
            if state:
                g = x.split(".")[1]
                v[a] = SG_IDS_STATE[g]
            else:
                unknown.append(a)
            continue
        v[a] = x
    return v, unknown


def aws_rule_expressions(r):
    e = {}
    for a, x in aws_rule_body(r).items():
        if isinstance(x, str) and x.startswith("${"):
            ref = x[2:-1]
            e[a] = {"references": [ref, ref.rsplit(".", 1)[0]]}
        else:
            e[a] = {"constant_value": x}
    return e


def aws_inline_entry(r):
    """One element of an aws_security_group's computed ingress/egress (SDKv2 shape)."""
    peer_sg = []
    if r.get("ref"):
        peer_sg = [SG_IDS_STATE[r["ref"]]]
    return {"cidr_blocks": [r["cidr"]] if r.get("cidr") else [], "description": aws_rule_body(r)["description"],
            "from_port": r["from"] if r["from"] is not None else 0,
            "ipv6_cidr_blocks": [r["cidr6"]] if r.get("cidr6") else [], "prefix_list_ids": [],
            "protocol": r["proto"], "security_groups": peer_sg, "self": False,
            "to_port": r["to"] if r["to"] is not None else 0}


def aws_sg_values(k, rules=None, state=False, extra_in=None, region="eu-west-1"):
    b = aws_sg_body(k)
    if not state:
        return {"description": b["description"], "name": b["name"], "region": region,
                "revoke_rules_on_delete": False, "tags": b["tags"], "tags_all": dict(b["tags"]),
                "timeouts": None, "vpc_id": AWS_VPC}
    rules = rules or []
    ing = [aws_inline_entry(r) for r in rules if r["group"] == k and r["dir"] == "in"] + (extra_in or [])
    eg = [aws_inline_entry(r) for r in rules if r["group"] == k and r["dir"] == "out"]
    return {"arn": f"arn:aws:ec2:{region}:{ACCOUNT}:security-group/{SG_IDS_STATE[k]}",
            "description": b["description"], "egress": eg, "id": SG_IDS_STATE[k], "ingress": ing,
            "name": b["name"], "name_prefix": "", "owner_id": ACCOUNT, "region": region,
            "revoke_rules_on_delete": False, "tags": b["tags"], "tags_all": dict(b["tags"]),
            "timeouts": None, "vpc_id": AWS_VPC}


SG_UNKNOWN = ["arn", "egress", "id", "ingress", "name_prefix", "owner_id"]


def aws_sg_expressions(k):
    b = aws_sg_body(k)
    return {"description": {"constant_value": b["description"]}, "name": {"constant_value": b["name"]},
            "tags": {"constant_value": b["tags"]}, "vpc_id": {"constant_value": AWS_VPC}}


def aws_create_resources(rules, created=("ca", "dc"), module=None):
    out = []
    for k in created:
        out.append(Res("aws_security_group", k, AWS_PROVIDER, after=aws_sg_values(k), unknown=SG_UNKNOWN,
                       expressions=aws_sg_expressions(k), module=module, schema_version=1))
    for r in rules:
        v, unk = aws_rule_values(r)
        out.append(Res(aws_rule_type(r), r["key"], AWS_PROVIDER, after=v, unknown=unk,
                       expressions=aws_rule_expressions(r), module=module))
    return out


def aws_state_resources(rules, created=("ca", "dc"), extra_in=None, actions=("no-op",)):
    extra_in = extra_in or {}
    out = []
    for k in created:
        v = aws_sg_values(k, rules, state=True, extra_in=extra_in.get(k))
        out.append(Res("aws_security_group", k, AWS_PROVIDER, after=v, before=deep(v), actions=actions,
                       expressions=aws_sg_expressions(k), schema_version=1))
    for r in rules:
        v, _ = aws_rule_values(r, state=True)
        out.append(Res(aws_rule_type(r), r["key"], AWS_PROVIDER, after=v, before=deep(v), actions=actions,
                       expressions=aws_rule_expressions(r)))
    return out


def find(resources, type_, name):
    for r in resources:
        if r.type == type_ and r.name == name:
            return r
    raise KeyError((type_, name))
