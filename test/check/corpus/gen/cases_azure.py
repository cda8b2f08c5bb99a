"""Azure cases. Every expectation was fixed from the quoted grounds before running `check`."""
from common import Pairs, Q, S, SUB_CA, SUB_DC, case, deep
from fixtures import (AZ_PROVIDER, AZ_PROVIDER_CONFIG, CA, CL, DC, LIB_IDC, NSG_NAMES, R, Res, az_assoc_expressions,
                      az_assoc_values, az_create_resources, az_created_rules, az_doc, az_nsg_body, az_nsg_expressions,
                      az_nsg_values, az_rule_body, az_rule_expressions, az_rule_values, az_shared_rules,
                      az_state_resources, find, rules_of, show_plan, show_state)

SPEC = "az-created"
CDK, PLAN, STATE = "cdk.tf.json", "show-plan.json", "show-state.json"
RULE = "azurerm_network_security_rule"

# Extra (unneeded) rules used by several cases
X_RDP_ANY = R("ca_in_any_rdp", "ca", "Inbound", "Allow", 300, "Tcp", "*", CA, ["3389"])
X_ALL_10 = R("ca_in_ten_all", "ca", "Inbound", "Allow", 310, "*", "10.0.0.0/8", "*", "*")
X_CL_RDP = R("ca_in_clients_rdp", "ca", "Inbound", "Allow", 320, "Tcp", CL, CA, ["3389"])


def base():
    return az_doc(az_created_rules())


def with_rule(doc, r, body=None):
    rules_of(doc)[r["key"]] = body if body is not None else az_rule_body(r)
    return doc


def build():
    # ======================================================================================
    # (1) HCL JSON read as Terraform reads it
    # ======================================================================================
    case("az-001", "hcl-json-forms", "hand-written estate with \"//\" comment properties in the root, provider and rule bodies",
         SPEC, CDK, az_doc(az_created_rules(), comments=True), 0, ["none"], [],
         Q["hcl_comment"] + " Everything else is the estate's exact flows with the deny by default on both created NSGs.",
         S["hcl_spec"])

    d = base()
    res = d["resource"]
    root_array = [
        {"//": "root body as a JSON array of objects", "terraform": d["terraform"]},
        {"provider": d["provider"]},
        {"resource": {"azurerm_network_security_group": res["azurerm_network_security_group"]}},
        {"resource": {RULE: res[RULE]}},
        {"resource": {"azurerm_subnet_network_security_group_association":
                      res["azurerm_subnet_network_security_group_association"]}},
    ]
    case("az-002", "hcl-json-forms", "root body written as a JSON array of objects, \"resource\" repeated across elements",
         SPEC, CDK, root_array, 0, ["none"], [],
         Q["hcl_root"] + " " + Q["hcl_body"] + " Where a body is an array, \"each of its elements are visited in order and each element has its properties visited in order\": the three \"resource\" properties are three definitions of resource blocks. (Terraform's JSON syntax page summarises the root as an object; the parser it uses accepts both.)",
         S["hcl_public"] + "; " + S["hcl_spec"])

    d = base()
    res = d["resource"]
    arr = {
        "terraform": d["terraform"],
        "provider": [{"azurerm": [{"features": [{}]}]}],
        "resource": [
            {"azurerm_network_security_group": [{"ca": [res["azurerm_network_security_group"]["ca"]]},
                                                {"dc": res["azurerm_network_security_group"]["dc"]}]},
            {RULE: [{k: [v]} for k, v in res[RULE].items()]},
            {"azurerm_subnet_network_security_group_association": [
                {k: [v]} for k, v in res["azurerm_subnet_network_security_group_association"].items()]},
        ],
    }
    case("az-003", "hcl-json-forms", "arrays at the block-type, both label levels and the body level",
         SPEC, CDK, arr, 0, ["none"], [],
         Q["hcl_labels"] + " \"After any labelling levels, the next nested value is either a JSON object representing a single block body, or a JSON array of JSON objects that each represent a single block body.\"",
         S["hcl_spec"])

    d = base()
    dup_root = Pairs([
        ("terraform", d["terraform"]), ("provider", d["provider"]),
        ("resource", {RULE: {X_RDP_ANY["key"]: az_rule_body(X_RDP_ANY)}}),
        ("resource", d["resource"]),
    ])
    case("az-004", "hcl-json-forms", "\"resource\" repeated in the root object: the first holds an RDP Allow from anywhere",
         SPEC, CDK, dup_root, 1, ["extra-traffic"], [f"{RULE}.ca_in_any_rdp"],
         Q["hcl_dup"] + " Both \"resource\" properties define blocks, so the Allow Tcp 3389 from * at priority 300 exists and precedes the deny by default (" + Q["az_nsg_first_match"] + ").",
         S["hcl_spec"], raw=True)

    d = base()
    rr = rules_of(d)
    first = {k: rr.pop(k) for k in ["ca_allow_probes", "ca_deny_vnet", "dc_allow_probes", "dc_deny_vnet"]}
    dup_root2 = Pairs([("terraform", d["terraform"]), ("provider", d["provider"]),
                       ("resource", {RULE: first}), ("resource", d["resource"])])
    case("az-005", "hcl-json-forms", "\"resource\" repeated in the root object: the deny-by-default rules sit in the first one",
         SPEC, CDK, dup_root2, 0, ["none"], [],
         Q["hcl_dup"] + " Read with both properties the plan is the estate's exact rule set, deny by default included; a last-wins reading would lose the denies and report a missing deny by default that the plan does have.",
         S["hcl_spec"], raw=True)

    d = base()
    res = d["resource"]
    dup_type = Pairs([
        ("azurerm_network_security_group", res["azurerm_network_security_group"]),
        (RULE, {X_ALL_10["key"]: az_rule_body(X_ALL_10)}),
        ("azurerm_subnet_network_security_group_association", res["azurerm_subnet_network_security_group_association"]),
        (RULE, res[RULE]),
    ])
    case("az-006", "hcl-json-forms", "resource type label repeated inside \"resource\": the first holds an Allow * from 10.0.0.0/8",
         SPEC, CDK, Pairs([("terraform", d["terraform"]), ("provider", d["provider"]), ("resource", dup_type)]),
         1, ["extra-traffic"], [f"{RULE}.ca_in_ten_all"],
         Q["hcl_labels"] + " " + Q["hcl_dup"] + " The Allow of every protocol from 10.0.0.0/8 at priority 310 on pki-ca-nsg precedes its deny by default.",
         S["hcl_spec"], raw=True)

    d = base()
    rr = rules_of(d)
    b = rr["ca_in_clients_tcp"]
    items = []
    for k, v in b.items():
        if k == "source_address_prefix":
            items.append(("source_address_prefix", "0.0.0.0/0"))
        items.append((k, v))
    rr["ca_in_clients_tcp"] = Pairs(items)
    case("az-007", "hcl-json-forms", "an argument written twice in one rule body (source_address_prefix 0.0.0.0/0, then 10.20.0.0/16)",
         SPEC, CDK, d, 1, ["refused-syntax", "invalid-value"], [f"{RULE}.ca_in_clients_tcp"],
         Q["hcl_dup_arg"] + " Terraform rejects the configuration; a last-wins JSON reading would judge a rule that will never exist.",
         S["hcl_struct"], raw=True)

    d = base()
    d["resource"]["azurerm_network_security_group"]["ca"]["tags"]["//"] = "not a comment: tags is an expression"
    case("az-008", "hcl-json-forms", "\"//\" as a key inside the tags map of the CA's NSG (an expression, not a body)",
         SPEC, CDK, d, 1, ["invalid-value", "missing-enforcement"], ["azurerm_network_security_group.ca"],
         Q["hcl_comment"] + " So tags gets a tag named \"//\"; Azure: \"Tag names can't contain these characters: <, >, %, &, \\, ?, /\" (Use tags to organize your Azure resources, Limitations): the NSG pki-ca-nsg is never created and the CA subnet has no NSG.",
         S["hcl_spec"] + "; https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/tag-resources#limitations",
         uncertain="Whether check should know Azure's tag-name limits is debatable; the verdict (fail) holds because the created NSG cannot exist.")

    d = base()
    rr = rules_of(d)
    new = {"//": az_rule_body(X_ALL_10)}
    new.update(rr)
    d["resource"][RULE] = new
    case("az-009", "hcl-json-forms", "\"//\" used as a resource name (label level) holding an Allow * from 10.0.0.0/8",
         SPEC, CDK, d, 1, ["refused-syntax", "invalid-value", "extra-traffic"], [],
         Q["hcl_comment"] + " At the label level \"//\" is a label: " + Q["tf_bad_name"] + " Terraform rejects the file; a reader that drops \"//\" everywhere would pass it.",
         S["hcl_spec"] + "; " + S["tf_resource"])

    d = base()
    rr = rules_of(d)
    for v in rr.values():
        v["description"] = None
        if "destination_port_ranges" in v:
            v["destination_port_range"] = None
        else:
            v["destination_port_ranges"] = None
    rr["ca_in_any_rdp"] = None
    case("az-010", "hcl-json-forms", "null as a resource body (an RDP-from-anywhere rule) and null optional arguments",
         SPEC, CDK, d, 0, ["none"], [],
         Q["hcl_null_block"] + " A null argument is an unset argument, so destination_port_range = null beside destination_port_ranges is no ConflictsWith pair; the null body defines no rule.",
         S["hcl_struct"] + " (unpackBlock, case *nullVal)")

    d = base()
    for k, v in rules_of(d).items():
        if k.startswith("dc_"):
            v["network_security_group_name"] = "$${azurerm_network_security_group.dc.name}"
    case("az-011", "hcl-json-forms", "\"$${...}\" (escaped interpolation) as the NSG name of every DC rule",
         SPEC, CDK, d, 1, ["blocked-flow", "unresolved", "invalid-value", "missing-enforcement"], [f"{RULE}.dc_in_clients_tcp"],
         Q["tf_escape"] + " So the DC rules name an NSG literally called \"${azurerm_network_security_group.dc.name}\", not pki-dc-nsg: none of them lands on the DC's NSG, whose deny by default and allows are missing (clients -> dc is not allowed by any rule of pki-dc-nsg).",
         S["hcl_native"])

    d = base()
    for v in rules_of(d).values():
        v["priority"] = str(v["priority"])
    case("az-012", "hcl-json-forms", "every priority written as a JSON string (\"132\")",
         SPEC, CDK, d, 0, ["none"], [],
         Q["tf_conv"] + " priority is a TypeInt attribute (network_security_rule_resource.go line 173): \"132\" converts to 132.",
         S["tf_types"] + "; " + S["az_rule"])

    d = base()
    body = az_rule_body(X_CL_RDP)
    body["count"] = 2
    with_rule(d, X_CL_RDP, body)
    case("az-013", "hcl-json-forms", "count = 2 on an Allow Tcp 3389 from the clients to the CA",
         SPEC, CDK, d, 1, ["extra-traffic", "refused-syntax", "unresolved", "invalid-value"], [f"{RULE}.ca_in_clients_rdp"],
         Q["tf_count0"] + " Two instances of an Allow the estate does not need (clients need TCP 135 and 10509 only) at priority 320, before the deny by default.",
         S["tf_count"])

    d = base()
    body = az_rule_body(X_ALL_10)
    body["count"] = 0
    with_rule(d, X_ALL_10, body)
    case("az-014", "hcl-json-forms", "count = 0 on an Allow * from 10.0.0.0/8",
         SPEC, CDK, d, 0, ["none"], [],
         Q["tf_count0"] + " README: \"a literal `count = 0` is read as absent\".",
         S["tf_count"] + "; " + S["readme"])

    d = base()
    d["variable"] = {"extra_sources": {"type": "list(string)", "default": ["10.0.0.0/8"]}}
    nsg = d["resource"]["azurerm_network_security_group"]["ca"]
    nsg["dynamic"] = {"security_rule": {"for_each": "${var.extra_sources}", "content": {
        "name": "extra-${security_rule.key}", "priority": "${400 + security_rule.key}", "direction": "Inbound",
        "access": "Allow", "protocol": "*", "source_port_range": "*", "destination_port_range": "*",
        "source_address_prefix": "${security_rule.value}", "destination_address_prefix": "*"}}}
    case("az-015", "hcl-json-forms", "dynamic \"security_rule\" block generating an Allow * from 10.0.0.0/8 inside the CA's NSG",
         SPEC, CDK, d, 1, ["refused-syntax", "unresolved", "extra-traffic"], ["azurerm_network_security_group.ca"],
         "Terraform dynamic blocks: a `dynamic \"<block>\" { for_each, content }` generates nested blocks at evaluation time (hashicorp/hcl ext/dynblock); README: \"`count`, `for_each` or a `dynamic` block in a cdk.tf.json\" is unresolved. The generated rule admits every protocol from 10.0.0.0/8 before the deny by default; inline and separate rules are also mixed on one NSG.",
         "https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks; " + S["readme"])

    d = base()
    body = az_rule_body(R("ca_in_extra", "ca", "Inbound", "Allow", 330, "Tcp", CL, CA, ["445"]))
    body["for_each"] = {"smb": "445", "rdp": "3389"}
    body["name"] = "extra-${each.key}"
    body["destination_port_range"] = "${each.value}"
    body["priority"] = "${each.key == \"smb\" ? 330 : 331}"
    rules_of(d)["ca_in_extra"] = body
    case("az-016", "hcl-json-forms", "for_each over {smb, rdp} on an Allow from the clients to the CA",
         SPEC, CDK, d, 1, ["refused-syntax", "unresolved", "extra-traffic"], [f"{RULE}.ca_in_extra"],
         "Terraform for_each meta-argument: one instance per map element (each.key, each.value). The instances allow TCP 445 and 3389 from the clients to the CA, which no flow needs; a reader that does not evaluate for_each must refuse it (" + Q["issue_exit"] + ").",
         "https://developer.hashicorp.com/terraform/language/meta-arguments/for_each")

    d = base()
    rr = rules_of(d)
    good = rr["ca_in_clients_tcp"]
    wide = deep(good)
    wide["source_address_prefix"] = "*"
    rr["ca_in_clients_tcp"] = [wide, good]
    case("az-017", "hcl-json-forms", "one resource name with an array of two bodies (a wide one, then the right one)",
         SPEC, CDK, d, 1, ["refused-syntax", "invalid-value", "extra-traffic"], [f"{RULE}.ca_in_clients_tcp"],
         Q["hcl_labels"] + " The array defines two blocks with identical labels; " + Q["tf_dup_resource"],
         S["hcl_spec"] + "; " + S["tf_module"])

    d = base()
    d["locals"] = {"ca_nsg": "pki-ca-nsg"}
    body = az_rule_body(X_CL_RDP)
    body["network_security_group_name"] = "${local.ca_nsg}"
    body["resource_group_name"] = "rg-pki"
    with_rule(d, X_CL_RDP, body)
    case("az-018", "hcl-json-forms", "extra Allow Tcp 3389 from the clients whose NSG name comes from a local value",
         SPEC, CDK, d, 1, ["extra-traffic", "unresolved"], [f"{RULE}.ca_in_clients_rdp"],
         "locals { ca_nsg = \"pki-ca-nsg\" }: the rule lands on the CA's NSG and allows TCP 3389 from the clients, which no flow needs. " + Q["issue_failclosed"] + " (resolved or not, the verdict fails).",
         "https://developer.hashicorp.com/terraform/language/values/locals")

    d = base()
    for v in rules_of(d).values():
        v["provider"] = "azurerm"
        v["lifecycle"] = {"create_before_destroy": True, "prevent_destroy": False}
    rules_of(d)["ca_deny_vnet"]["depends_on"] = ["azurerm_network_security_rule.ca_allow_probes"]
    case("az-019", "hcl-json-forms", "provider = \"azurerm\" (the default configuration), lifecycle and depends_on on the rules",
         SPEC, CDK, d, 0, ["none"], [],
         "Terraform provider meta-argument: without an alias a resource uses the default configuration of its provider, so \"provider\": \"azurerm\" is that default; lifecycle and depends_on change when and how objects are replaced, not what they contain. " + Q["issue_where"],
         S["tf_provider_meta"])

    # ======================================================================================
    # (2) Fail closed
    # ======================================================================================
    d = base()
    d["resource"]["azurerm_network_security_group"]["ops"] = {"name": "nsg-ops", "resource_group_name": "rg-pki",
                                                              "location": "westeurope"}
    d["resource"][RULE]["ops_all"] = {"name": "allow-all", "resource_group_name": "rg-pki",
                                      "network_security_group_name": "${azurerm_network_security_group.ops.name}",
                                      "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "*",
                                      "source_port_range": "*", "destination_port_range": "*",
                                      "source_address_prefix": "*", "destination_address_prefix": "*"}
    d["resource"]["azurerm_network_interface_security_group_association"] = {"ca01": {
        "network_interface_id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-pki/providers/Microsoft.Network/networkInterfaces/ca01-nic",
        "network_security_group_id": "${azurerm_network_security_group.ops.id}"}}
    case("az-020", "fail-closed", "a NIC-level association attaches an allow-all NSG to a network interface",
         SPEC, CDK, d, 1, ["unresolved"], ["azurerm_network_interface_security_group_association.ca01"],
         "\"How network security groups filter network traffic\": for inbound traffic the subnet's NSG is processed, then the NIC's; a NIC NSG can deny what the subnet admits (and a NIC named ca01-nic may be a CA host). " + Q["issue_failclosed"] + " README: \"NIC-level NSGs are not evaluated (reported as unresolved)\".",
         S["nsg_how"] + "; " + S["az_nic_doc"])

    d = base()
    d["resource"]["azurerm_network_manager_admin_rule"] = {"rdp_always": {
        "name": "always-allow-rdp",
        "admin_rule_collection_id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkManagers/avnm/securityAdminConfigurations/sec/ruleCollections/hub",
        "action": "AlwaysAllow", "direction": "Inbound", "priority": 10, "protocol": "Tcp",
        "source_port_ranges": ["0-65535"], "destination_port_ranges": ["3389"],
        "source": [{"address_prefix_type": "ServiceTag", "address_prefix": "Internet"}],
        "destination": [{"address_prefix_type": "IPPrefix", "address_prefix": CA}]}}
    case("az-021", "fail-closed", "an Azure Virtual Network Manager admin rule AlwaysAllow TCP 3389 from Internet to the CA subnet",
         SPEC, CDK, d, 1, ["unresolved", "extra-traffic"], ["azurerm_network_manager_admin_rule.rdp_always"],
         "Security admin rules: \"These security rules have a higher priority than network security group (NSG) rules and will get evaluated before NSG rules.\" ... \"If the security admin rule is *Always Allow*, the traffic won't hit NSGs, and instead deliver directly to VMs or other resource.\" " + Q["issue_failclosed"],
         S["avnm"] + "; " + S["az_admin_doc"])

    d = base()
    d["terraform"]["required_providers"]["azapi"] = {"source": "Azure/azapi", "version": "~> 2.0"}
    d["provider"]["azapi"] = {}
    d["resource"]["azapi_resource"] = {"ca_any": {
        "type": "Microsoft.Network/networkSecurityGroups/securityRules@2024-05-01",
        "name": "allow-any", "parent_id": "${azurerm_network_security_group.ca.id}",
        "body": {"properties": {"priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "*",
                                "sourceAddressPrefix": "*", "sourcePortRange": "*",
                                "destinationAddressPrefix": "*", "destinationPortRange": "*"}}}}
    case("az-022", "fail-closed", "an azapi_resource writes an Allow-any security rule into the CA's NSG",
         SPEC, CDK, d, 1, ["unresolved", "extra-traffic"], ["azapi_resource.ca_any"],
         "The azapi provider manages any ARM resource type; Microsoft.Network/networkSecurityGroups/securityRules with parent_id = the CA's NSG is a rule of that NSG (REST \"Security Rules - Create Or Update\"). " + Q["issue_failclosed"],
         S["az_rest_rule"] + "; https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource")

    d = base()
    d["module"] = {"identity_rules": {"source": "./modules/nsg-rules", "nsg_name": "pki-dc-nsg",
                                      "resource_group_name": "rg-pki"}}
    case("az-023", "fail-closed", "a module block that receives the DC's NSG name",
         SPEC, CDK, d, 1, ["unresolved"], ["module.identity_rules"],
         Q["issue_module_cdk"] + " The module's resources are not in the file (source ./modules/nsg-rules), yet it is handed the DC's NSG.",
         S["issue19"] + "; " + S["tf_modules"])

    d = az_doc(az_shared_rules(), created=("ca",))
    d["variable"] = {"dc_nsg_name": {"type": "string"}}
    d["data"] = {"azurerm_network_security_group": {"dc": {"name": "${var.dc_nsg_name}",
                                                           "resource_group_name": "rg-identity"}}}
    for k, v in rules_of(d).items():
        if k.startswith("idc_"):
            v["network_security_group_name"] = "${data.azurerm_network_security_group.dc.name}"
    case("az-024", "fail-closed", "the DC rules target a data source whose NSG name is a variable without default",
         "az-shared", CDK, d, 1, ["unresolved", "blocked-flow"], [f"{RULE}.idc_in_clients_tcp"],
         Q["issue_failclosed"] + " var.dc_nsg_name has no default: which NSG receives the DC rules is known only when the plan runs.",
         S["issue19"])

    d = base()
    d["terraform"]["required_providers"]["azurerm"] = {"source": "example-corp/azurerm", "version": "~> 1.0"}
    case("az-025", "fail-closed", "the local name \"azurerm\" is mapped to a different provider (example-corp/azurerm)",
         SPEC, CDK, d, 1, ["unresolved"], [],
         "Terraform provider requirements: the local name in required_providers maps to a source address; resource types prefixed azurerm_ then belong to example-corp/azurerm, whose behaviour is not azurerm's. " + Q["issue_failclosed"],
         S["tf_providers"])

    d = base()
    d["resource"]["azurerm_network_security_group"]["legacy"] = {"name": "nsg-legacy-ca", "resource_group_name": "rg-pki",
                                                                 "location": "westeurope",
                                                                 "security_rule": [{"name": "any", "priority": 100,
                                                                                    "direction": "Inbound", "access": "Allow",
                                                                                    "protocol": "*", "source_port_range": "*",
                                                                                    "destination_port_range": "*",
                                                                                    "source_address_prefix": "*",
                                                                                    "destination_address_prefix": "*",
                                                                                    "description": None,
                                                                                    "source_port_ranges": None,
                                                                                    "destination_port_ranges": None,
                                                                                    "source_address_prefixes": None,
                                                                                    "destination_address_prefixes": None,
                                                                                    "source_application_security_group_ids": None,
                                                                                    "destination_application_security_group_ids": None}]}
    d["resource"]["azurerm_subnet_network_security_group_association"]["ca_legacy"] = {
        "subnet_id": SUB_CA, "network_security_group_id": "${azurerm_network_security_group.legacy.id}"}
    case("az-026", "fail-closed", "a second association puts an allow-all NSG on the CA subnet",
         SPEC, CDK, d, 1, ["unresolved", "extra-traffic", "invalid-value"], ["azurerm_subnet_network_security_group_association.ca_legacy"],
         "\"How network security groups filter network traffic\": each subnet has zero or one NSG; two associations for snet-ca fight over the subnet's one NSG, and whichever wins decides the CA's traffic (one of them allows everything). README: \"two associations of one subnet\" are unresolved.",
         S["nsg_how"] + "; " + S["readme"])

    d = base()
    del d["resource"]["azurerm_subnet_network_security_group_association"]["ca"]
    case("az-027", "fail-closed", "the CA subnet's association is missing",
         SPEC, CDK, d, 1, ["missing-enforcement"], ["snet-ca"],
         "Spec: ca has subnetIds (create an NSG and associate it). Without azurerm_subnet_network_security_group_association the NSG filters nothing: \"an end with no NSG allows everything\" (How network security groups filter network traffic).",
         S["nsg_how"] + "; " + S["readme"])

    d = base()
    d["resource"]["azurerm_subnet_network_security_group_association"]["ca"]["network_security_group_id"] = \
        "${azurerm_network_security_group.dc.id}"
    case("az-028", "fail-closed", "the CA subnet is associated with the DC's NSG",
         SPEC, CDK, d, 1, ["blocked-flow", "missing-enforcement", "extra-traffic"], [],
         "The CA's hosts get pki-dc-nsg, whose inbound allows are for the DC's addresses (destination 10.0.0.0/24): enrollment clients -> ca TCP 135/10509 meets the Deny from VirtualNetwork at 4096. " + Q["az_nsg_first_match"],
         S["nsg_how"])

    d = base()
    body = az_rule_body(X_CL_RDP)
    body["network_security_group_name"] = "${azurerm_network_security_group.other.name}"
    body["resource_group_name"] = "rg-pki"
    with_rule(d, X_CL_RDP, body)
    case("az-029", "fail-closed", "a rule references an NSG resource that the file does not declare",
         SPEC, CDK, d, 1, ["unresolved", "invalid-value"], [f"{RULE}.ca_in_clients_rdp"],
         "Terraform rejects a reference to an undeclared resource (\"Reference to undeclared resource\"); " + Q["issue_failclosed"],
         S["issue19"])

    # ======================================================================================
    # (3) Where Terraform applies it
    # ======================================================================================
    d = base()
    d["provider"] = {"azurerm": [{"features": {}},
                                 {"alias": "identity", "features": {}, "subscription_id": "11111111-1111-1111-1111-111111111111"}]}
    for k, v in rules_of(d).items():
        if k.startswith("dc_"):
            v["provider"] = "azurerm.identity"
            v["network_security_group_name"] = "pki-dc-nsg"
            v["resource_group_name"] = "rg-pki"
    case("az-030", "where-it-lands", "the DC's rules are created through an aliased provider in another subscription",
         SPEC, CDK, d, 1, ["blocked-flow", "unresolved", "missing-enforcement"], [f"{RULE}.dc_in_clients_tcp"],
         Q["issue_where"] + " azurerm.identity has subscription_id 1111...: the rules target pki-dc-nsg in rg-pki of another subscription, not the NSG this plan creates, so the DC's NSG holds no rule (no allows, no deny).",
         S["issue19"] + "; " + S["tf_provider_meta"])

    d = base()
    for k, v in rules_of(d).items():
        if k.startswith("dc_"):
            v["resource_group_name"] = "rg-other"
    case("az-031", "where-it-lands", "the DC's rules name resource group rg-other while the DC's NSG is in rg-pki",
         SPEC, CDK, d, 1, ["blocked-flow", "unresolved", "missing-enforcement"], [f"{RULE}.dc_in_clients_tcp"],
         "azurerm_network_security_rule identifies its NSG by resource_group_name + network_security_group_name (NewSecurityRuleID(subscriptionId, resource_group_name, network_security_group_name, name) in network_security_rule_resource.go). " + Q["issue_where"],
         S["az_rule"] + " (resourceNetworkSecurityRuleCreate)")

    d = base()
    for n in d["resource"]["azurerm_network_security_group"].values():
        n["resource_group_name"] = "RG-PKI"
    case("az-032", "where-it-lands", "the created NSGs' resource group written RG-PKI (spec: rg-pki)",
         SPEC, CDK, d, 0, ["none"], [],
         "Naming rules and restrictions for Azure resources: \"Resource and resource group names are case-insensitive unless specifically noted in the valid characters column.\" RG-PKI is rg-pki.",
         S["az_names"])

    d = base()
    for n in d["resource"]["azurerm_network_security_group"].values():
        n["location"] = "West Europe"
    case("az-033", "where-it-lands", "the created NSGs' location written \"West Europe\" (spec: westeurope)",
         SPEC, CDK, d, 0, ["none"], [],
         "azurerm's location schema (commonschema.Location) has StateFunc location.StateFunc and DiffSuppressFunc; location.Normalize is strings.ReplaceAll(strings.ToLower(input), \" \", \"\"): \"West Europe\" is westeurope.",
         S["az_location"])

    d = base()
    d["resource"]["azurerm_network_security_group"]["ca"]["location"] = "northeurope"
    case("az-034", "where-it-lands", "the CA's NSG is created in northeurope while the estate and its subnet are in westeurope",
         SPEC, CDK, d, 1, ["missing-enforcement", "unresolved", "invalid-value"], ["azurerm_network_security_group.ca"],
         Q["issue_where"] + " Spec azure.location is westeurope; the subnet snet-ca belongs to a westeurope virtual network, and an NSG is associated only with subnets of its own region, so the association cannot take effect and the CA subnet keeps no NSG of the estate.",
         S["issue19"] + "; " + S["nsg_how"],
         uncertain="The same-region rule for NSG associations is widely reported (Azure refuses cross-region associations) but no primary Microsoft sentence was found in the stored docs; the verdict is fail either way because the attribute contradicts the spec (issue 19, principle 3).")

    # ---- terraform show -json: plan of a first apply -----------------------------------
    rules = az_created_rules()
    res = az_create_resources(rules)
    case("az-035", "show-json", "terraform show -json of the first plan: every unset attribute null, ids and NSG ids unknown",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 0, ["none"], [],
         Q["tf_unknown"] + " The association's network_security_group_id is unknown (omitted from planned_values, after_unknown true) and resolves through configuration references [\"azurerm_network_security_group.ca.id\", ...]; the NSG's computed security_rule is unknown, not a rule.",
         S["tf_jsonfmt"] + "; " + S["tf_jsonplan"] + "; " + S["tf_values"])

    def deployed(extra_nsg=None, extra_rules=()):
        rs = az_created_rules() + list(extra_rules)
        return rs, az_state_resources(rs, nsg_extra=extra_nsg)

    rs, res = deployed()
    r = find(res, RULE, "ca_in_clients_tcp")
    r.actions, r.after, r.in_config = ["delete"], None, False
    case("az-036", "show-json", "plan deletes the clients -> CA rule; the NSG's computed security_rule still lists it",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 1, ["blocked-flow"], [f"{RULE}.ca_in_clients_tcp"],
         Q["tf_planned_delete"] + " After the apply pki-ca-nsg has no Allow from 10.20.0.0/16: clients -> ca TCP 135,10509 meets the Deny from VirtualNetwork. The NSG is no-op, so its security_rule (computed from the prior Read) still shows the rule that the apply removes.",
         S["tf_values"] + "; " + S["az_nsg"] + " (security_rule Optional+Computed, Read flattens every rule)")

    rs, res = deployed(extra_rules=[X_ALL_10])
    r = find(res, RULE, "ca_in_ten_all")
    r.actions, r.after, r.in_config = ["delete"], None, False
    case("az-037", "show-json", "plan deletes an Allow * from 10.0.0.0/8; the NSG's computed security_rule still lists it",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 0, ["none"], [],
         Q["tf_planned_delete"] + " The state after the apply has no such rule; its copy in the no-op NSG's computed security_rule is what the apply removes.",
         S["tf_values"] + "; " + S["issue19"])

    rs, res = deployed(extra_rules=[X_ALL_10])
    r = find(res, RULE, "ca_in_ten_all")
    r.actions, r.after, r.in_config = ["forget"], None, False
    case("az-038", "show-json", "plan forgets (removed { destroy = false }) an Allow * from 10.0.0.0/8",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 1, ["extra-traffic"], ["ca_in_ten_all"],
         Q["tf_removed"] + " The rule stays in pki-ca-nsg after the apply (only Terraform stops managing it): every protocol from 10.0.0.0/8 still reaches the CA before the deny by default.",
         S["tf_removed"] + "; " + S["tf_jsonplan"])

    rs, res = deployed()
    r = find(res, RULE, "ca_deny_vnet")
    r.actions = ["delete", "create"]
    after = az_rule_values([x for x in rs if x["key"] == "ca_deny_vnet"][0])
    after["name"] = "deny-vnet-inbound"
    r.after, r.unknown = after, ["id"]
    r.expressions["name"] = {"constant_value": "deny-vnet-inbound"}
    case("az-039", "show-json", "the deny by default is replaced (delete, create: its name changes)",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 0, ["none"], [],
         Q["tf_planned_delete"] + " A replace keeps an object with the \"after\" values: the Deny from VirtualNetwork at 4096 exists after the apply (name is ForceNew in network_security_rule_resource.go).",
         S["tf_jsonplan"] + "; " + S["az_rule"])

    wide_rules = az_created_rules()
    for x in wide_rules:
        if x["key"] == "ca_in_clients_tcp":
            x["src"] = "*"
    res = az_state_resources(wide_rules)  # prior state: the rule (and the NSG's computed copy) admit every source
    r = find(res, RULE, "ca_in_clients_tcp")
    r.after = az_rule_values([x for x in az_created_rules() if x["key"] == "ca_in_clients_tcp"][0], state=True)
    r.expressions["source_address_prefix"] = {"constant_value": CL}
    r.actions = ["update"]
    case("az-040", "show-json", "update narrows the clients -> CA rule from source * to 10.20.0.0/16",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 0, ["none"], [],
         "Issue 19, principle 3: \"For `terraform show -json`, judge the state after the planned actions\": after the update the rule admits only the clients (before: every source).",
         S["issue19"] + "; " + S["tf_jsonplan"])

    rs, res = deployed()
    r = find(res, RULE, "ca_in_clients_tcp")
    r.after = deep(r.after)
    r.after["source_address_prefix"] = "*"
    r.actions = ["update"]
    r.expressions["source_address_prefix"] = {"constant_value": "*"}
    case("az-041", "show-json", "update widens the clients -> CA rule from 10.20.0.0/16 to source *",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 1, ["extra-traffic"], [f"{RULE}.ca_in_clients_tcp"],
         "Issue 19, principle 3: \"For `terraform show -json`, judge the state after the planned actions\": after the update TCP 135 and 10509 are open to every source.",
         S["issue19"] + "; " + S["tf_jsonplan"])

    res = az_create_resources(az_created_rules(), module="module.pki")
    mod_conf = {"pki": {"source": "./modules/pki", "module": {"resources": []}}}
    for x in res:
        mod_conf["pki"]["module"]["resources"].append({
            "address": f"{x.type}.{x.name}", "mode": "managed", "type": x.type, "name": x.name,
            "provider_config_key": "azurerm", "expressions": x.expressions, "schema_version": 0})
    for x in res:
        x.in_config = False
    case("az-042", "show-json", "the whole estate inside module \"pki\" (child_modules, module addresses)",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG, module_calls=mod_conf), 0, ["none"], [],
         "JSON output format: \"child_modules\" ... each with its own address, resources and nested child_modules; issue 19, principle 3: \"modules are expanded there (`child_modules`) and are judged like the root.\"",
         S["tf_jsonfmt"] + "; " + S["tf_values"])

    res = az_create_resources(az_created_rules())
    extra = Res(RULE, "ca_any", AZ_PROVIDER, after=az_rule_values(R("ca_any", "ca", "Inbound", "Allow", 500, "*", "*", "*", "*", name="ops-any")),
                unknown=["id"], module="module.ops", in_config=False)
    res.append(extra)
    mod_conf = {"ops": {"source": "./modules/ops", "module": {"resources": [{
        "address": f"{RULE}.ca_any", "mode": "managed", "type": RULE, "name": "ca_any", "provider_config_key": "azurerm",
        "expressions": {"network_security_group_name": {"references": ["var.nsg_name"]},
                        "resource_group_name": {"constant_value": "rg-pki"}}, "schema_version": 0}],
        "variables": {"nsg_name": {}}}, "expressions": {"nsg_name": {"constant_value": "pki-ca-nsg"}}}}
    case("az-043", "show-json", "a second module adds an Allow-any rule to pki-ca-nsg",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG, module_calls=mod_conf), 1, ["extra-traffic"], ["module.ops.azurerm_network_security_rule.ca_any"],
         "Issue 19, principle 3: modules in show -json \"are judged like the root\". planned_values lists module.ops.azurerm_network_security_rule.ca_any with network_security_group_name pki-ca-nsg, resource_group_name rg-pki, Allow * from * at 500, before the deny by default.",
         S["tf_values"] + "; " + S["issue19"])

    res = az_create_resources(az_created_rules())
    extra_r = R("ca_in_pip", "ca", "Inbound", "Allow", 510, "Tcp", "198.51.100.7", CA, ["443"], name="from-partner")
    v = az_rule_values(extra_r)
    del v["source_address_prefix"]
    ex = az_rule_expressions(extra_r)
    ex["source_address_prefix"] = {"references": ["azurerm_public_ip.partner.ip_address", "azurerm_public_ip.partner"]}
    res.append(Res(RULE, "ca_in_pip", AZ_PROVIDER, after=v, unknown=["id", "source_address_prefix"], expressions=ex))
    case("az-044", "show-json", "an Allow whose source address is known only after apply (a new public IP)",
         SPEC, PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 1, ["unresolved"], [f"{RULE}.ca_in_pip"],
         Q["tf_unknown"] + " The source of an Allow at priority 510 on the CA's NSG cannot be judged: " + Q["issue_failclosed"],
         S["tf_jsonplan"] + "; " + S["issue19"])

    rules = az_created_rules()
    res = az_state_resources(rules)
    case("az-045", "show-json", "state of the deployed estate: NSGs' computed security_rule repeats every separate rule (SDKv2 \"\" and [])",
         SPEC, STATE, show_state(res), 0, ["none"], [],
         "JSON output format, state representation: {\"values\": <values-representation>}. azurerm_network_security_group security_rule is Optional+Computed with ConfigMode Attr and Read sets it from every rule of the NSG (flattenNetworkSecurityRules): entries named like the separate rules are those rules. README: \"entries named like the NSG's separate rules are those rules, not duplicates\".",
         S["tf_jsonfmt"] + "; " + S["az_nsg"] + " (lines 67-72, 331)")

    rules = az_created_rules()
    oob = R("oob", "ca", "Inbound", "Allow", 150, "Tcp", "*", "*", "3389", name="AllowRDPFromAnywhere")
    res = az_state_resources(rules, nsg_extra={"ca": [oob]})
    case("az-046", "show-json", "state: the CA's NSG also holds an out-of-band AllowRDPFromAnywhere (no separate resource)",
         SPEC, STATE, show_state(res), 1, ["extra-traffic"], ["AllowRDPFromAnywhere"],
         "Read fills security_rule from every rule the API returns for the NSG, so the state shows the out-of-band rule; README: \"any other entry is judged\". Allow Tcp 3389 from * at 150 precedes the deny by default.",
         S["az_nsg"] + "; " + S["readme"])

    res = az_create_resources(az_created_rules())
    pc = deep(AZ_PROVIDER_CONFIG)
    pc["azurerm.identity"] = {"name": "azurerm", "full_name": AZ_PROVIDER, "alias": "identity",
                              "expressions": {"features": [{}], "subscription_id": {"constant_value": "11111111-1111-1111-1111-111111111111"}}}
    for x in res:
        if x.type == RULE and x.name.startswith("dc_"):
            x.provider_key = "azurerm.identity"
            x.after["network_security_group_name"] = "pki-dc-nsg"
            x.expressions["network_security_group_name"] = {"constant_value": "pki-dc-nsg"}
            x.expressions["resource_group_name"] = {"constant_value": "rg-pki"}
    case("az-047", "show-json", "show -json: the DC's rules use provider_config_key azurerm.identity (another subscription)",
         SPEC, PLAN, show_plan(res, pc), 1, ["blocked-flow", "unresolved", "missing-enforcement"], [f"{RULE}.dc_in_clients_tcp"],
         Q["issue_where"] + " configuration.provider_config[\"azurerm.identity\"] sets subscription_id 1111...: the rules go to that subscription's pki-dc-nsg, not the one this plan creates.",
         S["tf_jsonconfig"] + "; " + S["issue19"])

    # ======================================================================================
    # (4) Values the provider or the API rejects
    # ======================================================================================
    def mut(cid, title, key, attr, value, grounds, source, because=("invalid-value",), drop=None, uncertain=None):
        d = base()
        b = rules_of(d)[key]
        if drop:
            for a in drop:
                b.pop(a, None)
        if attr:
            b[attr] = value
        case(cid, "provider-rejects", title, SPEC, CDK, d, 1, list(because), [f"{RULE}.{key}"], grounds, source,
             uncertain=uncertain)

    mut("az-048", "protocol \"tcp\" (lower case) on the clients -> CA Allow", "ca_in_clients_tcp", "protocol", "tcp",
        "network_security_rule_resource.go: \"protocol\" ValidateFunc validation.StringInSlice([Any \"*\", \"Tcp\", \"Udp\", \"Icmp\", \"Ah\", \"Esp\"], false) (ignoreCase false); constants.go: SecurityRuleProtocolTcp = \"Tcp\". \"tcp\" fails validation.",
        S["az_rule"] + " (line 69); " + S["az_consts"])
    mut("az-049", "access \"allow\" (lower case) on the clients -> DC TCP Allow", "dc_in_clients_tcp", "access", "allow",
        "network_security_rule_resource.go: \"access\" ValidateFunc StringInSlice([\"Allow\", \"Deny\"], false).",
        S["az_rule"] + " (line 164)")
    mut("az-050", "direction \"inbound\" (lower case) on the deny by default", "ca_deny_vnet", "direction", "inbound",
        "network_security_rule_resource.go: \"direction\" ValidateFunc StringInSlice([\"Inbound\", \"Outbound\"], false).",
        S["az_rule"] + " (line 179)", because=("invalid-value", "missing-enforcement"))
    mut("az-051", "deny by default at priority 4097", "dc_deny_vnet", "priority", 4097,
        "network_security_rule_resource.go: \"priority\" ValidateFunc validation.IntBetween(100, 4096); NSG overview: \"A number between 100 and 4096\".",
        S["az_rule"] + " (line 176); " + S["nsg_overview"], because=("invalid-value", "missing-enforcement"))
    mut("az-052", "clients -> CA Allow at priority 99", "ca_in_clients_tcp", "priority", 99,
        "network_security_rule_resource.go: \"priority\" ValidateFunc validation.IntBetween(100, 4096).",
        S["az_rule"] + " (line 176)")
    d = base()
    rules_of(d)["ca_in_clients_tcp"]["source_address_prefixes"] = ["10.20.0.0/16"]
    case("az-053", "provider-rejects", "source_address_prefix and source_address_prefixes both set", SPEC, CDK, d, 1,
         ["invalid-value"], [f"{RULE}.ca_in_clients_tcp"],
         "network_security_rule_resource.go: source_address_prefix ExactlyOneOf [source_address_prefix, source_address_prefixes, source_application_security_group_ids].",
         S["az_rule"] + " (line 110)")
    d = base()
    rules_of(d)["dc_in_clients_udp"]["destination_port_range"] = "53"
    case("az-054", "provider-rejects", "destination_port_range and destination_port_ranges both set", SPEC, CDK, d, 1,
         ["invalid-value"], [f"{RULE}.dc_in_clients_udp"],
         "network_security_rule_resource.go: destination_port_range ConflictsWith [destination_port_ranges] (and vice versa).",
         S["az_rule"] + " (line 96)")
    mut("az-055", "destination_port_ranges [\"135,10509\"]: one comma-separated element", "ca_in_clients_tcp",
        "destination_port_ranges", ["135,10509"],
        "azurerm issue #659, the API's answer quoted by the maintainers: SecurityRuleInvalidPortRange \"Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535\". The provider passes the set through; the API rejects it at apply.",
        S["az_issue659"])
    d = base()
    rules_of(d)["ca_in_dc_tcp"]["priority"] = 132
    case("az-056", "provider-rejects", "two inbound rules of pki-ca-nsg share priority 132", SPEC, CDK, d, 1,
         ["invalid-value"], [f"{RULE}.ca_in_dc_tcp"],
         "NSG overview: \"You can't create two security rules with the same priority and direction.\" REST Security Rules - Create Or Update: priority \"must be unique for each rule in the collection\".",
         S["nsg_overview"] + "; " + S["az_rest_rule"])
    mut("az-057", "the clients -> CA Allow has no source at all", "ca_in_clients_tcp", None, None,
        "network_security_rule_resource.go: ExactlyOneOf [source_address_prefix, source_address_prefixes, source_application_security_group_ids]: none given is an error.",
        S["az_rule"] + " (line 110)", drop=["source_address_prefix"])
    mut("az-058", "a 141-character description", "dc_in_ca_tcp", "description", "x" * 141,
        "network_security_rule_resource.go: \"description\" ValidateFunc validation.StringLenBetween(0, 140).",
        S["az_rule"] + " (line 66)")
    d = base()
    rules_of(d)["ca_in_dc_tcp"]["name"] = rules_of(d)["ca_in_clients_tcp"]["name"]
    rules_of(d)["ca_in_dc_tcp"]["priority"] = 145
    case("az-059", "provider-rejects", "two rule resources with the same Azure name in the same NSG", SPEC, CDK, d, 1,
         ["invalid-value"], [f"{RULE}.ca_in_dc_tcp"],
         "NSG overview: Name \"A unique name within the network security group.\" The provider builds the id from (resource group, NSG, name) and refuses to create over an existing one (tf.ImportAsExistsError in resourceNetworkSecurityRuleCreate): the two resources are one Azure object, and the apply fails or one overwrites the other.",
         S["nsg_overview"] + "; " + S["az_rule"])
    mut("az-060", "destination port 70000", "ca_in_admins_tcp", "destination_port_ranges", ["135", "3389", "70000"],
        "REST Security Rules: destinationPortRange \"Integer or range between 0 and 65535\"; the API's SecurityRuleInvalidPortRange: \"Valid range 0-65535\" (azurerm #659).",
        S["az_rest_rule"] + "; " + S["az_issue659"])
    mut("az-061", "rule name containing \"/\"", "dc_in_admins_icmp", "name", "admins/icmp",
        "network_security_rule_resource.go: \"name\" ValidateFunc validation.StringDoesNotContainAny(\"/\\\\?%\").",
        S["az_rule"] + " (line 52)")

    # ======================================================================================
    # (5) Effect, not syntax
    # ======================================================================================
    d = base()
    rr = rules_of(d)
    del rr["ca_deny_vnet"]
    for i, half in enumerate(["10.0.1.0/25", "10.0.1.128/25"]):
        r = R(f"ca_deny_vnet_{i}", "ca", "Inbound", "Deny", 4090 + i, "*", "VirtualNetwork", half, "*")
        rr[r["key"]] = az_rule_body(r)
    rr["ca_allow_probes"]["priority"] = 4089
    case("az-062", "effect", "the CA's deny by default split in two by destination halves (10.0.1.0/25, 10.0.1.128/25)",
         SPEC, CDK, d, 0, ["none"], [],
         Q["issue_effect"] + " The two Denies from VirtualNetwork (every protocol and port) cover the CA's 10.0.1.0/24 and come after every Allow (the probe Allow aside).",
         S["issue19"] + "; " + S["nsg_overview"])

    d = base()
    rules_of(d)["ca_deny_vnet"]["source_address_prefix"] = "*"
    rules_of(d)["dc_deny_vnet"]["source_address_prefix"] = "*"
    case("az-063", "effect", "deny by default written from source \"*\" instead of VirtualNetwork",
         SPEC, CDK, d, 0, ["none"], [],
         "NSG overview: \"*\" (Any) in source means 0.0.0.0/0, a superset of VirtualNetwork; README: \"a Deny of protocol `*` and every port from `VirtualNetwork` or `*`\". The probe Allow at 4095 precedes it.",
         S["nsg_overview"] + "; " + S["readme"])

    d = base()
    rr = rules_of(d)
    del rr["ca_deny_vnet"]
    for i, p in enumerate(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]):
        r = R(f"ca_deny_rfc1918_{i}", "ca", "Inbound", "Deny", 4092 + i, "*", p, "*", "*")
        rr[r["key"]] = az_rule_body(r)
    rr["ca_allow_probes"]["priority"] = 4091
    case("az-064", "effect", "deny by default written as three RFC 1918 denies instead of VirtualNetwork",
         SPEC, CDK, d, 1, ["missing-enforcement", "extra-traffic"], ["azurerm_network_security_group.ca"],
         Q["issue_vnet"] + " " + Q["az_vnet_tag"] + " Peered and on-premises ranges outside RFC 1918 (and the host's virtual IP) still reach the CA through AllowVNetInBound.",
         S["issue19"] + "; " + S["service_tags"])

    d = base()
    rules_of(d)["dc_deny_vnet"]["protocol"] = "Tcp"
    case("az-065", "effect", "the DC's deny by default denies Tcp only",
         SPEC, CDK, d, 1, ["missing-enforcement", "extra-traffic"], ["azurerm_network_security_group.dc"],
         Q["az_defaults"] + " UDP, ICMP and other protocols from the network still meet AllowVNetInBound at 65000: e.g. UDP 445 or ICMP from the CA subnet to the DC (the CA needs UDP 53,88,389,464 only; only the admins need ICMP).",
         S["nsg_overview"])

    d = base()
    rr = rules_of(d)
    for key, ports in [("dc_in_clients_tcp", [["53", "88", "389"], ["464", "636", "3268", "3269"]])]:
        base_body = rr.pop(key)
        for i, ps in enumerate(ports):
            b = deep(base_body)
            b["name"] = f"{b['name']}-{i}"
            b["priority"] = 260 + i
            b["destination_port_ranges"] = ps
            rr[f"{key}_{i}"] = b
    base_body = rr.pop("dc_in_clients_udp")
    for i, p in enumerate(["53", "88", "389", "464"]):
        b = deep(base_body)
        b.pop("destination_port_ranges")
        b["destination_port_range"] = p
        b["name"] = f"clients-udp-{p}"
        b["priority"] = 270 + i
        rr[f"dc_in_clients_udp_{p}"] = b
    case("az-066", "effect", "clients -> DC written as 2 TCP rules (3268-3269 as two ports) and 4 single-port UDP rules",
         SPEC, CDK, d, 0, ["none"], [],
         Q["issue_effect"] + " The six rules admit exactly TCP 53,88,389,464,636,3268,3269 and UDP 53,88,389,464 from 10.20.0.0/16.",
         S["issue19"])

    d = base()
    for k, v in rules_of(d).items():
        if v["direction"] == "Inbound" and v["access"] == "Allow" and k not in ("ca_allow_probes", "dc_allow_probes"):
            v["destination_address_prefix"] = "*"
    case("az-067", "effect", "inbound Allows with destination \"*\" instead of the tier's CIDR",
         SPEC, CDK, d, 0, ["none"], [],
         "An NSG associated with a subnet filters traffic to that subnet's resources (How network security groups filter network traffic); the spec's NSGs serve only snet-ca (10.0.1.0/24) and snet-dc (10.0.0.0/24), so destination * at pki-ca-nsg is the CA's addresses. " + Q["issue_effect"],
         S["nsg_how"] + "; " + S["issue19"])

    d = base()
    rr = rules_of(d)
    rr["ca_deny_clients_rdp"] = az_rule_body(R("ca_deny_clients_rdp", "ca", "Inbound", "Deny", 300, "Tcp", CL, "*", ["3389"]))
    rr["ca_in_clients_rdp"] = az_rule_body(R("ca_in_clients_rdp", "ca", "Inbound", "Allow", 310, "Tcp", CL, CA, ["3389"]))
    case("az-068", "effect", "an Allow Tcp 3389 from the clients shadowed by an earlier Deny of the same traffic",
         SPEC, CDK, d, 0, ["none"], [],
         Q["az_nsg_first_match"] + " The Deny at 300 matches everything the Allow at 310 would: the Allow never matches. " + Q["issue_effect"],
         S["nsg_overview"] + "; " + S["issue19"])

    d = base()
    rules_of(d)["ca_deny_epm"] = az_rule_body(R("ca_deny_epm", "ca", "Inbound", "Deny", 120, "Tcp", CL, "*", ["135"]))
    case("az-069", "effect", "a Deny Tcp 135 from the clients at 120 shadows the enrollment Allow at 132",
         SPEC, CDK, d, 1, ["blocked-flow"], [f"{RULE}.ca_deny_epm"],
         Q["az_nsg_first_match"] + " clients -> ca TCP 135 (enrollment, DCOM endpoint mapper) is denied.",
         S["nsg_overview"])

    d = base()
    rules_of(d)["ca_in_vnet"] = az_rule_body(R("ca_in_vnet", "ca", "Inbound", "Allow", 4000, "*", "VirtualNetwork", "*", "*"))
    case("az-070", "effect", "an Allow * from VirtualNetwork at 4000, before the deny by default",
         SPEC, CDK, d, 1, ["extra-traffic"], [f"{RULE}.ca_in_vnet"],
         Q["issue_vnet"] + " The Allow at 4000 matches first for every protocol from the tiers and anything else the tag holds.",
         S["issue19"] + "; " + S["service_tags"])

    d = base()
    rules_of(d)["ca_deny_vnet"]["destination_address_prefix"] = "VirtualNetwork"
    rules_of(d)["dc_deny_vnet"]["destination_address_prefix"] = "VirtualNetwork"
    case("az-071", "effect", "deny by default written VirtualNetwork -> VirtualNetwork (the mirror of AllowVNetInBound)",
         SPEC, CDK, d, 0, ["none"], [],
         Q["az_defaults"] + " AllowVNetInBound is VirtualNetwork -> VirtualNetwork; a Deny of every protocol and port VirtualNetwork -> VirtualNetwork at 4096 matches all it would admit, \"whatever the tag holds\" (" + Q["issue_vnet"] + "); traffic from outside the tag still meets DenyAllInBound.",
         S["nsg_overview"] + "; " + S["issue19"])

    d = base()
    rules_of(d)["dc_deny_vnet"]["priority"] = 200
    case("az-072", "effect", "the DC's deny by default at priority 200, before its Allows",
         SPEC, CDK, d, 1, ["blocked-flow", "missing-enforcement"], [f"{RULE}.dc_deny_vnet"],
         Q["az_nsg_first_match"] + " Every flow to the DCs (clients, CA, admins) matches the Deny from VirtualNetwork first.",
         S["nsg_overview"])

    d = base()
    rules_of(d)["dc_in_clients_icmp"] = az_rule_body(R("dc_in_clients_icmp", "dc", "Inbound", "Allow", 690, "Icmp", CL, DC, "*"))
    case("az-073", "effect", "ICMP allowed from the clients to the DCs (only the admins' ping flow needs ICMP)",
         SPEC, CDK, d, 1, ["extra-traffic"], [f"{RULE}.dc_in_clients_icmp"],
         "Spec: the only ICMP flow is the custom flow ping-dc from admins (10.0.9.0/28) to dc. An Allow Icmp from 10.20.0.0/16 at 690 precedes the deny by default.",
         S["nsg_overview"])

    # ---- shared estates --------------------------------------------------------------
    def shared_doc(deny=False, lib_addresses=False):
        d = az_doc(az_shared_rules(deny=deny), created=("ca",))
        if lib_addresses:
            rr = rules_of(d)
            for k in list(rr):
                if k in LIB_IDC:
                    rr[LIB_IDC[k]] = rr.pop(k)
        return d

    d = shared_doc()
    rr = rules_of(d)
    rr["identity_dns"] = {"name": "identity-dns", "resource_group_name": "rg-identity",
                          "network_security_group_name": "nsg-identity-dc", "priority": 200, "direction": "Inbound",
                          "access": "Allow", "protocol": "Udp", "source_port_range": "*", "destination_port_range": "53",
                          "source_address_prefix": "10.0.0.0/8", "destination_address_prefix": "*"}
    rr["identity_replication"] = {"name": "identity-replication", "resource_group_name": "rg-identity",
                                  "network_security_group_name": "nsg-identity-dc", "priority": 210,
                                  "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                                  "source_port_range": "*", "destination_port_range": "*",
                                  "source_address_prefix": "10.1.0.0/16", "destination_address_prefix": "*"}
    case("az-074", "shared-estate", "the identity team's two ordinary rules in the existing DC NSG (no deny by default)",
         "az-shared", CDK, d, 0, ["foreign-warning"], [f"{RULE}.identity_dns"],
         Q["issue_shared"] + " nsg-identity-dc has no denyByDefault, so the estate does not own it: identity_dns and identity_replication are foreign (" + Q["issue_library_rule"] + ").",
         S["issue19"])

    d = shared_doc(lib_addresses=True)
    lib = LIB_IDC["idc_in_clients_tcp"]
    rules_of(d)[lib].pop("destination_port_ranges")
    rules_of(d)[lib]["destination_port_range"] = "*"
    case("az-075", "shared-estate", "the library's own clients -> DC rule (its address) widened to every port in the unowned NSG",
         "az-shared", CDK, d, 1, ["extra-traffic"], [f"{RULE}.{lib}"],
         Q["issue_library_rule"] + " (same address as `synth` writes) " + Q["issue_shared"],
         S["issue19"])

    d = shared_doc()
    rules_of(d)["identity_deny_kdc"] = {"name": "deny-kdc-clients", "resource_group_name": "rg-identity",
                                        "network_security_group_name": "nsg-identity-dc", "priority": 2000,
                                        "direction": "Inbound", "access": "Deny", "protocol": "Tcp",
                                        "source_port_range": "*", "destination_port_range": "88",
                                        "source_address_prefix": CL, "destination_address_prefix": "*"}
    case("az-076", "shared-estate", "a foreign Deny Tcp 88 from the clients at 2000 in the unowned DC NSG",
         "az-shared", CDK, d, 1, ["blocked-flow"], [f"{RULE}.identity_deny_kdc"],
         Q["issue_shared"] + " " + Q["az_nsg_first_match"] + " clients -> dc TCP 88 (Kerberos) meets the Deny at 2000 before the library's Allow at 3128.",
         S["issue19"] + "; " + S["nsg_overview"])

    d = shared_doc(deny=True)
    rules_of(d)["identity_dns"] = {"name": "identity-dns", "resource_group_name": "rg-identity",
                                   "network_security_group_name": "nsg-identity-dc", "priority": 200,
                                   "direction": "Inbound", "access": "Allow", "protocol": "Udp",
                                   "source_port_range": "*", "destination_port_range": "53",
                                   "source_address_prefix": "10.0.0.0/8", "destination_address_prefix": "*"}
    case("az-077", "shared-estate", "the same foreign DNS rule in an existing NSG with denyByDefault: true",
         "az-shared-deny", CDK, d, 1, ["extra-traffic"], [f"{RULE}.identity_dns"],
         Q["issue_shared"] + " UDP 53 from 10.0.0.0/8 beyond the clients and the CA is traffic no flow needs, at an enforcement point the estate owns.",
         S["issue19"])

    d = shared_doc(deny=True)
    rules_of(d)["identity_deny_inet_rdp"] = {"name": "deny-internet-rdp", "resource_group_name": "rg-identity",
                                             "network_security_group_name": "nsg-identity-dc", "priority": 200,
                                             "direction": "Inbound", "access": "Deny", "protocol": "Tcp",
                                             "source_port_range": "*", "destination_port_range": "3389",
                                             "source_address_prefix": "Internet", "destination_address_prefix": "*"}
    case("az-078", "shared-estate", "a foreign Deny (Internet -> 3389) in the owned existing NSG",
         "az-shared-deny", CDK, d, 0, ["none"], [],
         "A Deny admits nothing and blocks no estate flow (none comes from the Internet tag). " + Q["issue_shared"],
         S["issue19"])

    d = shared_doc(deny=True)
    del rules_of(d)["idc_deny_vnet"]
    case("az-079", "shared-estate", "the existing NSG with denyByDefault: true lacks the deny by default",
         "az-shared-deny", CDK, d, 1, ["missing-enforcement"], ["nsg-identity-dc"],
         "README: existing NSGs with `denyByDefault: true` fail \"without an inbound Deny of every protocol and port from `VirtualNetwork` or `*`, covering the tier's addresses, after every allow\".",
         S["readme"])

    d = shared_doc()
    rules_of(d)["ca_in_ops"] = az_rule_body(R("ca_in_ops", "ca", "Inbound", "Allow", 600, "Tcp", "10.1.0.0/16", CA, ["5985-5986"]))
    case("az-080", "shared-estate", "a foreign WinRM Allow in the CA's created NSG (owned) in the shared estate",
         "az-shared", CDK, d, 1, ["extra-traffic"], [f"{RULE}.ca_in_ops"],
         Q["issue_shared"] + " pki-ca-nsg is created by the estate.",
         S["issue19"])

    d = shared_doc()
    rr = rules_of(d)
    b = rr.pop("idc_in_clients_tcp")
    for i, ps in enumerate([["53", "88"], ["389", "464", "636"], ["3268", "3269"]]):
        x = deep(b)
        x["name"] = f"pki-clients-dc-tcp-{i}"
        x["priority"] = 3200 + i
        x["destination_port_ranges"] = ps
        rr[f"idc_clients_tcp_part{i}"] = x
    case("az-081", "shared-estate", "clients -> DC TCP in the unowned NSG written as three rules of other content",
         "az-shared", CDK, d, 0, ["none", "foreign-warning"], [],
         Q["issue_effect"] + " The three rules admit exactly the needed TCP ports; whether they count as the library's or as foreign, they let through nothing no flow needs (warnings about AllowVNetInBound aside).",
         S["issue19"])

    rules = az_shared_rules()
    res = az_create_resources(rules, created=("ca",), subnets={"ca": SUB_CA})
    case("az-082", "show-json", "show -json of the shared estate: rules on the existing NSG with literal names, nulls for unset",
         "az-shared", PLAN, show_plan(res, AZ_PROVIDER_CONFIG), 0, ["none", "foreign-warning"], [],
         Q["tf_unknown"] + " The DC rules name nsg-identity-dc / rg-identity literally (constant_value in configuration).",
         S["tf_jsonfmt"] + "; " + S["tf_values"])

    # ======================================================================================
    # Not Terraform JSON at all / empty
    # ======================================================================================
    arm = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
           "contentVersion": "1.0.0.0",
           "resources": [{"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2024-05-01",
                          "name": "pki-ca-nsg", "location": "westeurope", "properties": {"securityRules": []}}]}
    case("az-083", "not-terraform", "an ARM deployment template given as the plan",
         SPEC, CDK, arm, 2, ["not-terraform-json"], [],
         Q["issue_exit"] + " An ARM template's top-level properties ($schema, contentVersion, resources) are none of Terraform's block types (Terraform would say \"Extraneous JSON object property\").",
         S["issue19"] + "; " + S["hcl_struct"])
    case("az-084", "not-terraform", "a truncated file (not JSON)",
         SPEC, CDK, '{"resource": {"azurerm_network_security_rule": {"ca_in_clients_tcp": {"priority": 132,', 2,
         ["not-terraform-json"], [], Q["issue_exit"], S["issue19"], text=True)
    case("az-085", "not-terraform", "a JSON string as the whole document",
         SPEC, CDK, "\"resource\"", 2, ["not-terraform-json"], [],
         Q["hcl_root"] + " (\"Root value must be object\"). " + Q["issue_exit"], S["hcl_public"] + "; " + S["issue19"], text=True)
    case("az-086", "fail-closed", "an empty Terraform configuration ({})",
         SPEC, CDK, {}, 1, ["missing-enforcement", "blocked-flow"], [],
         "An empty object is a valid configuration with no resources: neither created NSG exists (README: \"an enforcement point the spec declares is missing\").",
         S["readme"] + "; " + S["hcl_public"],
         uncertain="{} carries nothing that marks it as Terraform JSON; exit 2 would also fail CI. It is a valid (empty) Terraform JSON configuration, so by issue 19's exit codes it is 1.")
