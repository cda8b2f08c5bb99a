"""AWS cases. Every expectation was fixed from the quoted grounds before running `check`."""
from common import Pairs, Q, S, case, deep
from fixtures import (A, AWS_CA, AWS_CL, AWS_DC, AWS_PROVIDER, AWS_PROVIDER_CONFIG, AWS_VPC, DC_SG_EXISTING, Res,
                      SG_IDS_STATE, aws_create_resources, aws_doc, aws_inline_entry, aws_rule_body,
                      aws_rule_expressions, aws_rule_type, aws_rule_values, aws_rules, aws_sg_body,
                      aws_state_resources, find, show_plan, show_state)

SPEC = "aws-created"
CDK, PLAN, STATE = "cdk.tf.json", "show-plan.json", "show-state.json"
IN, OUT = "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"

X_RDP_ANY = A("ca_in_any_rdp", "in", "ca", "tcp", 3389, 3389, cidr="0.0.0.0/0")
X_SMB_30 = A("ca_in_smb_other", "in", "ca", "tcp", 445, 445, cidr="10.30.0.0/16")

# The library's address for one rule it writes on the existing DC group (spec aws-shared), per `synth`.
LIB_AWS_SHARED_CL_389 = "adcs_aws_sg-0123456789abcdef0-in-cidr-10-20-0-0_16-tcp-389_526D64EB"


def base():
    return aws_doc(aws_rules())


def shared():
    return aws_doc(aws_rules(dc="existing"), created=("ca",))


def rules(doc, t=IN):
    return doc["resource"][t]


def add(doc, r, body=None):
    doc["resource"][aws_rule_type(r)][r["key"]] = body if body is not None else aws_rule_body(r)
    return doc


def build():
    # ======================================================================================
    # (1) HCL JSON
    # ======================================================================================
    case("aws-001", "hcl-json-forms", "hand-written estate with \"//\" comments in the root and rule bodies",
         SPEC, CDK, aws_doc(aws_rules(), comments=True), 0, ["none"], [],
         Q["hcl_comment"] + " Every flow has its ingress at the destination's group and its egress at the source's created group; nothing else is allowed.",
         S["hcl_spec"])

    d = base()
    res = d["resource"]
    case("aws-002", "hcl-json-forms", "root as an array; type, label and body levels as arrays",
         SPEC, CDK, [
             {"terraform": d["terraform"]},
             {"provider": [{"aws": [{"region": "eu-west-1"}]}]},
             {"resource": [{"aws_security_group": [{k: [v]} for k, v in res["aws_security_group"].items()]}]},
             {"resource": [{IN: [{k: [v]} for k, v in res[IN].items()]}, {OUT: [{k: v} for k, v in res[OUT].items()]}]},
         ], 0, ["none"], [],
         Q["hcl_root"] + " " + Q["hcl_body"] + " " + Q["hcl_labels"],
         S["hcl_public"] + "; " + S["hcl_spec"])

    d = base()
    case("aws-003", "hcl-json-forms", "\"resource\" repeated in the root: the first holds an ingress 0.0.0.0/0 TCP 3389 on the CA's group",
         SPEC, CDK, Pairs([("terraform", d["terraform"]), ("provider", d["provider"]),
                           ("resource", {IN: {X_RDP_ANY["key"]: aws_rule_body(X_RDP_ANY)}}), ("resource", d["resource"])]),
         1, ["extra-traffic"], [f"{IN}.ca_in_any_rdp"],
         Q["hcl_dup"] + " " + Q["aws_union"],
         S["hcl_spec"], raw=True)

    d = base()
    groups = d["resource"].pop("aws_security_group")
    case("aws-004", "hcl-json-forms", "\"resource\" repeated in the root: the security groups sit in the first one",
         SPEC, CDK, Pairs([("terraform", d["terraform"]), ("provider", d["provider"]),
                           ("resource", {"aws_security_group": groups}), ("resource", d["resource"])]),
         0, ["none"], [],
         Q["hcl_dup"] + " Both created groups exist; a last-wins reading would report them missing.",
         S["hcl_spec"], raw=True)

    d = base()
    b = rules(d)["ca_in_clients_tcp_135"]
    items = [("cidr_ipv4", "0.0.0.0/0")] + list(b.items())
    rules(d)["ca_in_clients_tcp_135"] = Pairs(items)
    case("aws-005", "hcl-json-forms", "cidr_ipv4 written twice in one rule body (0.0.0.0/0, then 10.20.0.0/16)",
         SPEC, CDK, d, 1, ["refused-syntax", "invalid-value"], [f"{IN}.ca_in_clients_tcp_135"],
         Q["hcl_dup_arg"], S["hcl_struct"], raw=True)

    d = base()
    for t in (IN, OUT):
        for v in rules(d, t).values():
            v["from_port"], v["to_port"] = str(v["from_port"]), str(v["to_port"])
    case("aws-006", "hcl-json-forms", "every from_port/to_port written as a JSON string",
         SPEC, CDK, d, 0, ["none"], [],
         Q["tf_conv"] + " from_port and to_port are Int64 attributes (vpc_security_group_ingress_rule.go).",
         S["tf_types"] + "; " + S["aws_ingress"])

    d = base()
    body = aws_rule_body(X_SMB_30)
    body["count"] = 3
    add(d, X_SMB_30, body)
    case("aws-007", "hcl-json-forms", "count = 3 on an ingress TCP 445 from 10.30.0.0/16 to the CA",
         SPEC, CDK, d, 1, ["extra-traffic", "refused-syntax", "unresolved", "invalid-value"], [f"{IN}.ca_in_smb_other"],
         Q["tf_count0"] + " 10.30.0.0/16 is no tier of the estate; TCP 445 to the CA is no flow.",
         S["tf_count"])

    d = base()
    body = aws_rule_body(X_RDP_ANY)
    body["count"] = 0
    add(d, X_RDP_ANY, body)
    case("aws-008", "hcl-json-forms", "count = 0 on an ingress 0.0.0.0/0 TCP 3389",
         SPEC, CDK, d, 0, ["none"], [],
         Q["tf_count0"] + " README: \"a literal `count = 0` is read as absent\".",
         S["tf_count"] + "; " + S["readme"])

    d = base()
    d["variable"] = {"rdp_sources": {"type": "list(string)", "default": ["0.0.0.0/0"]}}
    d["resource"]["aws_security_group"]["ops"] = {"name": "pki-ops", "vpc_id": AWS_VPC, "description": "ops",
                                                  "dynamic": {"ingress": {"for_each": "${var.rdp_sources}", "content": {
                                                      "from_port": 3389, "to_port": 3389, "protocol": "tcp",
                                                      "cidr_blocks": ["${ingress.value}"]}}}}
    d["resource"]["aws_network_interface_sg_attachment"] = {"ca01": {
        "security_group_id": "${aws_security_group.ops.id}", "network_interface_id": "eni-0a1b2c3d4e5f60001"}}
    case("aws-009", "hcl-json-forms", "dynamic \"ingress\" (RDP from a variable list) on a group attached to an ENI",
         SPEC, CDK, d, 1, ["refused-syntax", "unresolved"], ["aws_security_group.ops"],
         "Terraform dynamic blocks generate the ingress blocks at evaluation time; README: `dynamic` in a cdk.tf.json is unresolved. The group is attached to eni-0a1b2c3d4e5f60001 (" + Q["issue_failclosed"] + ").",
         "https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks; " + S["aws_attach_doc"])

    d = base()
    good = rules(d)["dc_in_clients_tcp_88"]
    wide = deep(good)
    wide["cidr_ipv4"] = "0.0.0.0/0"
    rules(d)["dc_in_clients_tcp_88"] = [wide, good]
    case("aws-010", "hcl-json-forms", "one resource name with an array of two bodies (0.0.0.0/0 first)",
         SPEC, CDK, d, 1, ["refused-syntax", "invalid-value", "extra-traffic"], [f"{IN}.dc_in_clients_tcp_88"],
         Q["hcl_labels"] + " " + Q["tf_dup_resource"], S["hcl_spec"] + "; " + S["tf_module"])

    d = base()
    d["variable"] = {"admin_cidr": {"type": "string", "default": "0.0.0.0/0"}}
    body = aws_rule_body(A("ca_in_admin_rdp", "in", "ca", "tcp", 3389, 3389, cidr="x"))
    body["cidr_ipv4"] = "${var.admin_cidr}"
    rules(d)["ca_in_admin_rdp"] = body
    case("aws-011", "hcl-json-forms", "ingress TCP 3389 to the CA from var.admin_cidr (default 0.0.0.0/0)",
         SPEC, CDK, d, 1, ["extra-traffic", "unresolved"], [f"{IN}.ca_in_admin_rdp"],
         "With its default the variable is 0.0.0.0/0 (RDP to the CA from anywhere); given another value at plan time it can be anything. " + Q["issue_failclosed"],
         "https://developer.hashicorp.com/terraform/language/values/variables")

    d = base()
    for t in (IN, OUT):
        for v in rules(d, t).values():
            v["provider"] = "aws"
            v["lifecycle"] = {"create_before_destroy": False}
            v["depends_on"] = ["aws_security_group.ca", "aws_security_group.dc"]
    case("aws-012", "hcl-json-forms", "provider = \"aws\" (the default configuration), lifecycle and depends_on on every rule",
         SPEC, CDK, d, 0, ["none"], [],
         "Terraform provider meta-argument: without an alias the resource uses the provider's default configuration (region eu-west-1 here). " + Q["issue_where"],
         S["tf_provider_meta"])

    d = base()
    rules(d)["ca_in_clients_tcp_135"] = None
    case("aws-013", "hcl-json-forms", "null body for the clients -> CA TCP 135 ingress",
         SPEC, CDK, d, 1, ["blocked-flow"], [],
         Q["hcl_null_block"] + " No rule admits clients -> ca TCP 135 (enrollment needs 135 and 10509).",
         S["hcl_struct"])

    # ======================================================================================
    # (2) Fail closed
    # ======================================================================================
    d = base()
    d["resource"]["aws_security_group_rule"] = {"ca_rdp": {"type": "ingress", "security_group_id": "${aws_security_group.ca.id}",
                                                           "protocol": "tcp", "from_port": 3389, "to_port": 3389,
                                                           "cidr_blocks": ["0.0.0.0/0"]}}
    case("aws-014", "fail-closed", "an aws_security_group_rule opens TCP 3389 from 0.0.0.0/0 on the CA's group",
         SPEC, CDK, d, 1, ["extra-traffic", "refused-syntax", "unresolved"], ["aws_security_group_rule.ca_rdp"],
         "aws_security_group_rule \"Provides a security group rule resource\" on an existing group (type ingress). " + Q["aws_union"] + " The ingress docs also warn not to mix it with aws_vpc_security_group_ingress_rule on one group.",
         S["aws_sgr_doc"] + "; " + S["aws_ingress_doc"])

    d = base()
    d["resource"]["aws_security_group"]["ops"] = {"name": "pki-ops", "description": "ops", "vpc_id": AWS_VPC}
    d["resource"][IN]["ops_all"] = {"security_group_id": "${aws_security_group.ops.id}", "ip_protocol": "-1",
                                    "cidr_ipv4": "0.0.0.0/0"}
    d["resource"]["aws_network_interface_sg_attachment"] = {"ops": {"security_group_id": "${aws_security_group.ops.id}",
                                                                    "network_interface_id": "eni-0a1b2c3d4e5f60001"}}
    case("aws-015", "fail-closed", "an allow-all group attached to an ENI the plan does not describe",
         SPEC, CDK, d, 1, ["unresolved"], ["aws_network_interface_sg_attachment.ops"],
         "aws_network_interface_sg_attachment \"attaches a security group to an Elastic Network Interface (ENI). It can be used to attach a security group to any existing ENI\". " + Q["aws_union"] + " " + Q["issue_failclosed"],
         S["aws_attach_doc"] + "; " + S["aws_sg_rules"])

    d = base()
    d["resource"]["aws_security_group"]["ops"] = {"name": "pki-ops", "description": "ops", "vpc_id": AWS_VPC}
    d["resource"][IN]["ops_rdp"] = {"security_group_id": "${aws_security_group.ops.id}", "ip_protocol": "tcp",
                                    "from_port": 3389, "to_port": 3389, "cidr_ipv4": "0.0.0.0/0"}
    d["resource"]["aws_instance"] = {"ca01": {"ami": "ami-0123456789abcdef0", "instance_type": "m6i.large",
                                              "subnet_id": "subnet-0a1b2c3d4e5f60001",
                                              "vpc_security_group_ids": ["${aws_security_group.ca.id}",
                                                                         "${aws_security_group.ops.id}"]}}
    case("aws-016", "fail-closed", "a CA instance gets the CA's group and an ops group allowing RDP from anywhere",
         SPEC, CDK, d, 1, ["extra-traffic", "unresolved"], ["aws_instance.ca01"],
         Q["aws_union"] + " The instance carries the CA's group, so it is a CA host, and RDP from 0.0.0.0/0 reaches it.",
         S["aws_sg_rules"])

    d = base()
    d["resource"]["aws_default_security_group"] = {"default": {"vpc_id": AWS_VPC, "ingress": [{
        "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"], "self": False,
        "description": "any", "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": []}]}}
    case("aws-017", "fail-closed", "aws_default_security_group of the estate's VPC opened to 0.0.0.0/0",
         SPEC, CDK, d, 1, ["unresolved", "extra-traffic"], ["aws_default_security_group.default"],
         "Default security group: instances launched without a group get the VPC's default group, and any instance may carry it beside others; " + Q["aws_union"] + " " + Q["issue_failclosed"],
         S["aws_default_sg"] + "; " + S["aws_sg_rules"],
         uncertain="Whether the estate's hosts carry the default group is not in the plan; fail is the safe side.")

    d = shared()
    d["data"] = {"aws_security_group": {"dc": {"filter": [{"name": "tag:Name", "values": ["identity-dc*"]}],
                                               "vpc_id": AWS_VPC}}}
    for t in (IN, OUT):
        for k, v in rules(d, t).items():
            if v["security_group_id"] == DC_SG_EXISTING:
                v["security_group_id"] = "${data.aws_security_group.dc.id}"
    case("aws-018", "fail-closed", "the DC rules target a data source that finds a group by a tag pattern",
         "aws-shared", CDK, d, 1, ["unresolved", "blocked-flow"], ["data.aws_security_group.dc"],
         Q["issue_failclosed"] + " The filter tag:Name=identity-dc* may select sg-0123456789abcdef0 or another group; which one is known only at plan time.",
         S["issue19"])

    d = base()
    d["terraform"]["required_providers"]["awscc"] = {"source": "hashicorp/awscc", "version": "~> 1.0"}
    d["provider"]["awscc"] = {"region": "eu-west-1"}
    d["resource"]["awscc_ec2_security_group_ingress"] = {"ca_rdp": {"group_id": "${aws_security_group.ca.id}",
                                                                    "ip_protocol": "tcp", "from_port": 3389,
                                                                    "to_port": 3389, "cidr_ip": "0.0.0.0/0"}}
    case("aws-019", "fail-closed", "the Cloud Control provider (awscc) adds an ingress to the CA's group",
         SPEC, CDK, d, 1, ["unresolved", "extra-traffic"], ["awscc_ec2_security_group_ingress.ca_rdp"],
         "awscc_ec2_security_group_ingress manages AWS::EC2::SecurityGroupIngress (GroupId, IpProtocol, FromPort, ToPort, CidrIp): a rule of the group it names. " + Q["issue_failclosed"],
         "https://registry.terraform.io/providers/hashicorp/awscc/latest/docs/resources/ec2_security_group_ingress; " + S["issue19"])

    d = base()
    d["module"] = {"ops_access": {"source": "terraform-aws-modules/security-group/aws", "version": "~> 5.0",
                                  "create_sg": False, "security_group_id": "${aws_security_group.ca.id}",
                                  "ingress_cidr_blocks": ["10.0.0.0/8"], "ingress_rules": ["rdp-tcp"]}}
    case("aws-020", "fail-closed", "a registry module given the CA's group id",
         SPEC, CDK, d, 1, ["unresolved"], ["module.ops_access"],
         Q["issue_module_cdk"], S["issue19"] + "; " + S["tf_modules"])

    d = base()
    for k in ("ca_in_clients_tcp_135", "ca_in_clients_tcp_10509"):
        v = rules(d)[k]
        v.pop("cidr_ipv4")
        v["prefix_list_id"] = "pl-0123456789abcdef0"
    case("aws-021", "fail-closed", "clients -> CA through a prefix list the plan does not define",
         SPEC, CDK, d, 1, ["unresolved"], [f"{IN}.ca_in_clients_tcp_135"],
         "A prefix list peer matches the list's entries (Security group rules: source \"a prefix list\"); pl-0123456789abcdef0's entries are not in the plan. " + Q["issue_failclosed"],
         S["aws_sg_rules"] + "; " + S["issue19"])

    d = base()
    d["resource"]["aws_ec2_managed_prefix_list"] = {"clients": {"name": "pki-clients", "address_family": "IPv4",
                                                               "max_entries": 1,
                                                               "entry": [{"cidr": AWS_CL, "description": "clients"}]}}
    for k in ("ca_in_clients_tcp_135", "ca_in_clients_tcp_10509"):
        v = rules(d)[k]
        v.pop("cidr_ipv4")
        v["prefix_list_id"] = "${aws_ec2_managed_prefix_list.clients.id}"
    case("aws-022", "effect", "clients -> CA through a customer-managed prefix list defined in the plan (one entry: 10.20.0.0/16)",
         SPEC, CDK, d, 0, ["none"], [],
         "The prefix list's only entry is the clients' CIDR; README: \"Customer-managed prefix lists defined in the plan ... are read\". " + Q["issue_effect"],
         S["readme"] + "; " + S["aws_sg_rules"])

    d = base()
    del d["resource"]["aws_security_group"]["ca"]
    for t in (IN, OUT):
        for k in [k for k, v in rules(d, t).items() if v["security_group_id"] == "${aws_security_group.ca.id}"]:
            del rules(d, t)[k]
        for v in rules(d, t).values():
            if v.get("referenced_security_group_id") == "${aws_security_group.ca.id}":
                v.pop("referenced_security_group_id")
                v["cidr_ipv4"] = AWS_CA
    case("aws-023", "fail-closed", "the CA's group (createSecurityGroup: true) and its rules are missing",
         SPEC, CDK, d, 1, ["missing-enforcement", "blocked-flow"], [],
         "README: fails when \"an enforcement point the spec declares is missing (... a created group that isn't there ...)\".",
         S["readme"])

    # ======================================================================================
    # (3) Where it lands
    # ======================================================================================
    d = base()
    d["provider"] = {"aws": [{"region": "eu-west-1"}, {"alias": "dr", "region": "us-east-1"}]}
    d["resource"]["aws_security_group"]["dc"]["provider"] = "aws.dr"
    for t in (IN, OUT):
        for v in rules(d, t).values():
            if v["security_group_id"] == "${aws_security_group.dc.id}":
                v["provider"] = "aws.dr"
    case("aws-024", "where-it-lands", "the DC's group and rules are created through provider alias aws.dr (us-east-1)",
         SPEC, CDK, d, 1, ["missing-enforcement", "blocked-flow", "unresolved"], ["aws_security_group.dc"],
         Q["issue_where"] + " The estate is in eu-west-1 (aws.region); a group in us-east-1 enforces nothing there (and the eu-west-1 rules referencing it cannot work across regions).",
         S["issue19"] + "; " + S["tf_provider_meta"])

    d = base()
    for k in ("ca_in_clients_tcp_135", "ca_in_clients_tcp_10509"):
        rules(d)[k]["region"] = "us-east-1"
    case("aws-025", "where-it-lands", "the clients -> CA ingress rules carry the v6 per-resource region us-east-1",
         SPEC, CDK, d, 1, ["blocked-flow", "unresolved"], [f"{IN}.ca_in_clients_tcp_135"],
         Q["aws_region"] + " The rules are managed in us-east-1, where the CA's eu-west-1 group does not exist.",
         S["aws_region"])

    d = base()
    for t in ("aws_security_group", IN, OUT):
        for v in d["resource"][t].values():
            v["region"] = "eu-west-1"
    case("aws-026", "where-it-lands", "every resource carries region = \"eu-west-1\" (the spec's region)",
         SPEC, CDK, d, 0, ["none"], [],
         Q["aws_region"] + " The effective region is unchanged.",
         S["aws_region"])

    d = base()
    d["resource"]["aws_security_group"]["ca"]["vpc_id"] = "vpc-0fedcba9876543210"
    case("aws-027", "where-it-lands", "the CA's group is created in another VPC",
         SPEC, CDK, d, 1, ["missing-enforcement", "unresolved", "blocked-flow"], ["aws_security_group.ca"],
         Q["issue_where"] + " Spec aws.vpcId is vpc-0a1b2c3d4e5f67890; a group of another VPC cannot be attached to the CA's instances there.",
         S["issue19"] + "; " + S["aws_sg"])

    # ---- terraform show -json -------------------------------------------------------------
    res = aws_create_resources(aws_rules())
    case("aws-028", "show-json", "show -json of the first plan: groups' ingress/egress/ids unknown, every unset optional null",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 0, ["none"], [],
         Q["issue_nulls"] + " " + Q["tf_unknown"] + " security_group_id and referenced_security_group_id of created groups are unknown and resolve through configuration references; aws_security_group ingress/egress are Optional+Computed, unknown at plan time.",
         S["tf_jsonfmt"] + "; " + S["aws_ingress"] + "; " + S["tf_values"])

    res = aws_create_resources(aws_rules(dc="existing"), created=("ca",))
    case("aws-029", "show-json", "show -json of the shared AWS estate (existing DC group): the 342-nulls plan",
         "aws-shared", PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 0, ["none", "foreign-warning"], [],
         Q["issue_nulls"] + " cidr_ipv6, prefix_list_id, referenced_security_group_id, tags are null when unset (plugin framework); rules on sg-0123456789abcdef0 are fully known.",
         S["issue19"] + "; " + S["aws_ingress"])

    res = aws_create_resources(aws_rules(dc="existing"), created=("ca",))
    v, unk = aws_rule_values(X_RDP_ANY)
    res.append(Res(IN, "ca_in_any_rdp", AWS_PROVIDER, after=v, unknown=unk, expressions=aws_rule_expressions(X_RDP_ANY)))
    case("aws-030", "show-json", "the same plan with an ingress 0.0.0.0/0 TCP 3389 on the created CA group",
         "aws-shared", PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 1, ["extra-traffic"], [f"{IN}.ca_in_any_rdp"],
         Q["aws_union"] + " pki-ca is created by the estate: judged strictly (" + Q["issue_shared"] + ").",
         S["aws_sg_rules"] + "; " + S["issue19"])

    rs = aws_rules()
    res = aws_state_resources(rs)
    r = find(res, IN, "dc_in_clients_tcp_88")
    r.actions, r.after, r.in_config = ["delete"], None, False
    case("aws-031", "show-json", "plan deletes the clients -> DC TCP 88 ingress; the group's computed ingress still lists it",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 1, ["blocked-flow"], [f"{IN}.dc_in_clients_tcp_88"],
         Q["tf_planned_delete"] + " After the apply nothing admits clients -> dc TCP 88 (Kerberos).",
         S["tf_values"] + "; " + S["tf_jsonplan"])

    rs = aws_rules() + [X_RDP_ANY]
    res = aws_state_resources(rs)
    r = find(res, IN, "ca_in_any_rdp")
    r.actions, r.after, r.in_config = ["delete"], None, False
    case("aws-032", "show-json", "plan deletes an ingress 0.0.0.0/0 TCP 3389; the group's computed ingress still lists it",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 0, ["none"], [],
         Q["tf_planned_delete"] + " Issue 19, principle 3: judge the state after the planned actions, \"not computed lists that still show what the apply will remove\".",
         S["tf_values"] + "; " + S["issue19"])

    rs = aws_rules() + [X_RDP_ANY]
    res = aws_state_resources(rs)
    r = find(res, IN, "ca_in_any_rdp")
    r.actions, r.after, r.in_config = ["forget"], None, False
    case("aws-033", "show-json", "plan forgets an ingress 0.0.0.0/0 TCP 3389 (removed, destroy = false)",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 1, ["extra-traffic"], ["ca_in_any_rdp"],
         Q["tf_removed"] + " The rule remains on the CA's group after the apply.",
         S["tf_removed"] + "; " + S["tf_jsonplan"])

    rs = aws_rules()
    old = deep([x for x in rs if x["key"] == "ca_in_dc_tcp_135"][0])
    old["ref"], old["cidr"] = None, "0.0.0.0/0"
    res = aws_state_resources([x for x in rs if x["key"] != "ca_in_dc_tcp_135"] + [old])
    r = find(res, IN, "ca_in_dc_tcp_135")
    new_v, _ = aws_rule_values([x for x in rs if x["key"] == "ca_in_dc_tcp_135"][0], state=True)
    for a in ("arn", "id", "security_group_rule_id"):
        new_v.pop(a)
    r.after, r.unknown, r.actions = new_v, ["arn", "id", "security_group_rule_id"], ["create", "delete"]
    r.expressions = aws_rule_expressions([x for x in rs if x["key"] == "ca_in_dc_tcp_135"][0])
    case("aws-034", "show-json", "create_before_destroy replacement: TCP 135 from 0.0.0.0/0 becomes TCP 135 from the DC group",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 0, ["none"], [],
         Q["tf_planned_delete"] + " vpc_security_group_ingress_rule ModifyPlan: \"When you modify a rule, you cannot change the rule's source type\" (RequiresReplace). After the apply only the referenced-group rule exists.",
         S["tf_jsonplan"] + "; " + S["aws_ingress"] + " (ModifyPlan)")

    rs = aws_rules()
    res = aws_state_resources(rs)
    r = find(res, IN, "dc_in_ca_tcp_49152_65535")
    r.after = deep(r.before)
    for a in ("arn", "id", "security_group_rule_id"):
        r.after.pop(a)
    r.unknown, r.actions = ["arn", "id", "security_group_rule_id"], ["delete", "create"]
    case("aws-035", "show-json", "the CA -> DC dynamic-range ingress is replaced (tainted: delete, then create)",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 0, ["none"], [],
         Q["tf_planned_delete"] + " The replacement object has the same content.",
         S["tf_jsonplan"])

    res = aws_create_resources(aws_rules(), module="module.pki")
    mod = {"pki": {"source": "./modules/pki", "module": {"resources": [
        {"address": f"{x.type}.{x.name}", "mode": "managed", "type": x.type, "name": x.name, "provider_config_key": "aws",
         "expressions": x.expressions, "schema_version": x.schema_version} for x in res]}}}
    for x in res:
        x.in_config = False
    case("aws-036", "show-json", "the whole AWS estate inside module \"pki\"",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG, module_calls=mod), 0, ["none"], [],
         "JSON output format: child_modules with their own address and resources; references in module configuration are module-local. Issue 19, principle 3: modules \"are judged like the root\".",
         S["tf_jsonfmt"] + "; " + S["tf_jsonconfig"])

    res = aws_create_resources(aws_rules())
    eg = A("ca_out_all", "out", "ca", "-1", None, None, cidr="0.0.0.0/0")
    v, unk = aws_rule_values(eg)
    res.append(Res(OUT, "ca_out_all", AWS_PROVIDER, after=v, unknown=["arn", "id", "security_group_rule_id"],
                   module="module.egress", in_config=False))
    mod = {"egress": {"source": "./modules/egress", "expressions": {"group_id": {
        "references": ["aws_security_group.ca.id", "aws_security_group.ca"]}}, "module": {
        "resources": [{"address": f"{OUT}.ca_out_all", "mode": "managed", "type": OUT, "name": "ca_out_all",
                       "provider_config_key": "aws", "expressions": {
                           "security_group_id": {"references": ["var.group_id"]}, "ip_protocol": {"constant_value": "-1"},
                           "cidr_ipv4": {"constant_value": "0.0.0.0/0"}}, "schema_version": 0}],
        "variables": {"group_id": {}}}}}
    res[-1].unknown = ["arn", "id", "security_group_id", "security_group_rule_id"]
    case("aws-037", "show-json", "a child module adds an all-protocol egress to 0.0.0.0/0 on the CA's created group",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG, module_calls=mod), 1, ["extra-traffic"], ["module.egress.aws_vpc_security_group_egress_rule.ca_out_all"],
         "Issue 19: modules \"are judged like the root\"; the module call passes aws_security_group.ca.id as group_id. README: \"a created group's egress is defence in depth and is judged too\"; " + Q["aws_tf_egress"],
         S["issue19"] + "; " + S["aws_sg_doc"] + "; " + S["tf_jsonconfig"])

    rs = aws_rules()
    case("aws-038", "show-json", "state of the deployed AWS estate: groups' computed ingress/egress repeat the separate rules",
         SPEC, STATE, show_state(aws_state_resources(rs)), 0, ["none"], [],
         "JSON output format, state representation. The groups' ingress/egress are Optional+Computed (attribute-as-blocks) and list every rule of the group; " + Q["aws_union"] + " so a rule listed twice changes nothing (README: \"which changes nothing in a union of allows and is not a mix\").",
         S["tf_jsonfmt"] + "; " + S["aws_sg_doc"] + "; " + S["readme"])

    rs = aws_rules()
    oob = aws_inline_entry(A("oob", "in", "ca", "tcp", 3389, 3389, cidr="0.0.0.0/0", desc="added in the console"))
    case("aws-039", "show-json", "state: the CA group's computed ingress also lists an out-of-band 0.0.0.0/0 TCP 3389",
         SPEC, STATE, show_state(aws_state_resources(rs, extra_in={"ca": [oob]})), 1, ["extra-traffic"], ["aws_security_group.ca"],
         Q["aws_union"] + " The group's state lists every rule it has; the RDP rule from anywhere is one of them.",
         S["aws_sg_rules"] + "; " + S["aws_sg_doc"])

    rs = aws_rules()
    res = aws_state_resources(rs)
    r = find(res, IN, "dc_in_clients_udp_53")
    r.after = deep(r.after)
    r.after["cidr_ipv4"] = "10.0.0.0/8"
    r.actions = ["update"]
    r.expressions["cidr_ipv4"] = {"constant_value": "10.0.0.0/8"}
    case("aws-040", "show-json", "update widens the clients -> DC UDP 53 ingress from 10.20.0.0/16 to 10.0.0.0/8",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 1, ["extra-traffic"], [f"{IN}.dc_in_clients_udp_53"],
         "Issue 19, principle 3: \"judge the state after the planned actions\"; 10.0.0.0/8 holds the DC and CA tiers' neighbours and addresses of no tier.",
         S["issue19"])

    res = aws_create_resources(aws_rules())
    xr = A("ca_in_newvpc", "in", "ca", "tcp", 443, 443, cidr="10.99.0.0/16")
    v, unk = aws_rule_values(xr)
    v.pop("cidr_ipv4")
    ex = aws_rule_expressions(xr)
    ex["cidr_ipv4"] = {"references": ["aws_vpc.partner.cidr_block", "aws_vpc.partner"]}
    res.append(Res(IN, "ca_in_newvpc", AWS_PROVIDER, after=v, unknown=unk + ["cidr_ipv4"], expressions=ex))
    case("aws-041", "show-json", "an ingress whose cidr_ipv4 is known only after apply",
         SPEC, PLAN, show_plan(res, AWS_PROVIDER_CONFIG), 1, ["unresolved"], [f"{IN}.ca_in_newvpc"],
         Q["tf_unknown"] + " " + Q["issue_failclosed"], S["tf_jsonplan"] + "; " + S["issue19"])

    # ======================================================================================
    # (4) Values the provider rejects
    # ======================================================================================
    def mut(cid, title, key, changes, grounds, source, t=IN, drop=(), because=("invalid-value",), spec=SPEC, uncertain=None):
        d = base() if spec == SPEC else shared()
        b = rules(d, t)[key]
        for a in drop:
            b.pop(a, None)
        b.update(changes)
        case(cid, "provider-rejects", title, spec, CDK, d, 1, list(because), [f"{t}.{key}"], grounds, source,
             uncertain=uncertain)

    mut("aws-042", "cidr_ipv4 with host bits: 10.20.0.1/16", "ca_in_clients_tcp_135", {"cidr_ipv4": "10.20.0.1/16"},
        "vpc_security_group_ingress_rule.go: cidr_ipv4 Validators fwvalidators.IPv4CIDRNetworkAddress(): \"value must be a valid IPv4 CIDR that represents a network address\".",
        S["aws_ingress"] + "; " + S["aws_cidr"])
    mut("aws-043", "cidr_ipv4 and referenced_security_group_id both set", "dc_in_ca_tcp_88", {"cidr_ipv4": AWS_CA},
        Q["aws_exactly_one"], S["aws_ingress"] + "; " + S["aws_ingress_doc"])
    mut("aws-044", "no peer at all (none of cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id)",
        "dc_in_ca_tcp_389", {}, Q["aws_exactly_one"], S["aws_ingress"], drop=("referenced_security_group_id",))
    mut("aws-045", "to_port 70000", "dc_in_ca_tcp_49152_65535", {"to_port": 70000},
        "vpc_security_group_ingress_rule.go: to_port Validators int64validator.Between(-1, 65535).", S["aws_ingress"])
    mut("aws-046", "ip_protocol tcp without from_port and to_port", "ca_in_clients_tcp_10509", {},
        "aws_vpc_security_group_ingress_rule docs: \"The `from_port` and `to_port` arguments are required unless `ip_protocol` is set to `-1` or `icmpv6`.\"",
        S["aws_ingress_doc"], drop=("from_port", "to_port"))
    d = base()
    r = rules(d).pop("ca_in_clients_tcp_135")
    d["resource"]["aws_security_group_rule"] = {"ca_in_clients_tcp_135": {
        "type": "Ingress", "security_group_id": r["security_group_id"], "protocol": "tcp", "from_port": 135,
        "to_port": 135, "cidr_blocks": [AWS_CL]}}
    case("aws-047", "provider-rejects", "aws_security_group_rule with type \"Ingress\"", SPEC, CDK, d, 1,
         ["invalid-value", "refused-syntax"], ["aws_security_group_rule.ca_in_clients_tcp_135"],
         "aws_security_group_rule docs: \"`type` - (Required) Type of rule being created. Valid options are `ingress` (inbound) or `egress` (outbound).\" (the provider validates with StringInSlice, case-sensitive).",
         S["aws_sgr_doc"])
    d = base()
    r = rules(d).pop("dc_in_ca_tcp_88")
    d["resource"]["aws_security_group_rule"] = {"dc_in_ca_tcp_88": {
        "type": "ingress", "security_group_id": r["security_group_id"], "protocol": "tcp", "from_port": 88,
        "to_port": 88, "cidr_blocks": [AWS_CA], "source_security_group_id": "${aws_security_group.ca.id}"}}
    case("aws-048", "provider-rejects", "aws_security_group_rule with cidr_blocks and source_security_group_id", SPEC, CDK,
         d, 1, ["invalid-value", "refused-syntax"], ["aws_security_group_rule.dc_in_ca_tcp_88"],
         "aws_security_group_rule docs: `cidr_blocks` \"Cannot be specified with `source_security_group_id` or `self`.\"",
         S["aws_sgr_doc"])
    mut("aws-049", "ingress without security_group_id", "dc_in_clients_tcp_53", {},
        "vpc_security_group_ingress_rule.go: \"security_group_id\": schema.StringAttribute{Required: true}.",
        S["aws_ingress"], drop=("security_group_id",), because=("invalid-value", "unresolved"))

    # ======================================================================================
    # (5) Effect, not syntax
    # ======================================================================================
    d = base()
    for k, v in rules(d).items():
        if v.get("referenced_security_group_id") == "${aws_security_group.ca.id}":
            v.pop("referenced_security_group_id")
            v["cidr_ipv4"] = AWS_CA
    case("aws-050", "effect", "the DC's ingress from the CA written with cidr_ipv4 10.50.1.0/24 instead of the CA's group",
         SPEC, CDK, d, 0, ["none"], [],
         "\"Security groups for your VPC\": a referenced group matches the network interfaces of the instances associated with it; the CA's instances are the ca tier, 10.50.1.0/24. " + Q["issue_effect"],
         S["aws_sg"] + "; " + S["issue19"])

    d = base()
    for t, key in ((IN, "dc_in_ca_tcp_3268_3269"), (OUT, "ca_out_dc_tcp_3268_3269"), (IN, "dc_in_clients_tcp_3268_3269")):
        b = rules(d, t).pop(key)
        for p in (3268, 3269):
            x = deep(b)
            x["from_port"] = x["to_port"] = p
            rules(d, t)[f"{key}_{p}"] = x
    case("aws-051", "effect", "every 3268-3269 range written as two single-port rules",
         SPEC, CDK, d, 0, ["none"], [], Q["issue_effect"] + " " + Q["aws_union"], S["issue19"])

    d = base()
    sgs = d["resource"]["aws_security_group"]
    for k in ("ca", "dc"):
        sgs[k]["ingress"], sgs[k]["egress"] = [], []
    for t in (IN, OUT):
        for r in aws_rules():
            if aws_rule_type(r) != t:
                continue
            e = {"protocol": r["proto"], "from_port": r["from"], "to_port": r["to"],
                 "cidr_blocks": [r["cidr"]] if r["cidr"] else [], "ipv6_cidr_blocks": [], "prefix_list_ids": [],
                 "security_groups": ["${aws_security_group.%s.id}" % r["ref"]] if r["ref"] else [], "self": False,
                 "description": r["key"]}
            sgs[r["group"]]["ingress" if t == IN else "egress"].append(e)
    del d["resource"][IN]
    del d["resource"][OUT]
    case("aws-052", "effect", "all rules written inline in the groups' ingress/egress (attributes-as-blocks, arrays)",
         SPEC, CDK, d, 0, ["none"], [],
         "aws_security_group docs: ingress/egress are \"processed in attribute-as-blocks mode\"; README: \"inline rules ... are read\". The same rules as separate resources: " + Q["issue_effect"],
         S["aws_sg_doc"] + "; " + S["readme"])

    d = base()
    sgr = {}
    for t in (IN, OUT):
        for k, v in rules(d, t).items():
            x = {"type": "ingress" if t == IN else "egress", "security_group_id": v["security_group_id"],
                 "protocol": v["ip_protocol"], "from_port": v["from_port"], "to_port": v["to_port"]}
            if "cidr_ipv4" in v:
                x["cidr_blocks"] = [v["cidr_ipv4"]]
            else:
                x["source_security_group_id"] = v["referenced_security_group_id"]
            sgr[k] = x
    del d["resource"][IN]
    del d["resource"][OUT]
    d["resource"]["aws_security_group_rule"] = sgr
    case("aws-053", "effect", "all rules written as aws_security_group_rule resources",
         SPEC, CDK, d, 0, ["none"], [],
         "aws_security_group_rule: type ingress/egress, cidr_blocks or source_security_group_id (\"Security group id to allow access to/from, depending on the `type`\"). README: \"`aws_security_group_rule` ... are read\". " + Q["issue_effect"],
         S["aws_sgr_doc"] + "; " + S["readme"])

    d = base()
    rules(d).pop("ca_in_clients_tcp_10509")
    rules(d)["ca_in_clients_tcp_135"]["to_port"] = 10509
    case("aws-054", "effect", "clients -> CA as one range 135-10509", SPEC, CDK, d, 1, ["extra-traffic"],
         [f"{IN}.ca_in_clients_tcp_135"],
         "A rule names one port range (Security group rules, Components); TCP 136-10508 from the clients is no flow.",
         S["aws_sg_rules"])

    d = base()
    for k in [k for k in rules(d) if k.startswith("ca_in_dc_tcp")]:
        rules(d).pop(k)
    rules(d)["ca_in_dc_all"] = {"security_group_id": "${aws_security_group.ca.id}", "ip_protocol": "-1",
                                "referenced_security_group_id": "${aws_security_group.dc.id}"}
    case("aws-055", "effect", "CA ingress from the DC group with ip_protocol -1", SPEC, CDK, d, 1, ["extra-traffic"],
         [f"{IN}.ca_in_dc_all"],
         "aws_vpc_security_group_ingress_rule docs: \"if `ip_protocol` is set to `-1`, it translates to all protocols, all port ranges\". The DCs need TCP 135 and 10509 only.",
         S["aws_ingress_doc"])

    d = base()
    for k in ("ca_in_clients_tcp_135", "ca_in_clients_tcp_10509"):
        rules(d)[k]["ip_protocol"] = "6"
    case("aws-056", "effect", "clients -> CA with ip_protocol \"6\" (TCP by number)", SPEC, CDK, d, 0, ["none"], [],
         "ip_protocol: \"The IP protocol name or number\"; EC2 API IpProtocol (SDK copies of the API model): \"The IP protocol name (`tcp`, `udp`, `icmp`) or number ... If you specify `-1`, or a protocol number other than `tcp`, `udp`, `icmp`, or `58` (ICMPv6), traffic on all ports is allowed, regardless of any ports you specify.\" Protocol number 6 is tcp (IANA), so the port range applies.",
         S["aws_ingress_doc"] + "; " + S["aws_ippermission"],
         uncertain="AWS documents names and numbers as equivalent ways to name a protocol but does not spell out that \"6\" keeps the port range; the provider's ip_protocol type normalises names and numbers.")

    d = base()
    rules(d)["ca_in_clients_gre"] = {"security_group_id": "${aws_security_group.ca.id}", "ip_protocol": "47",
                                     "from_port": 135, "to_port": 135, "cidr_ipv4": AWS_CL}
    case("aws-057", "effect", "ingress ip_protocol 47 (GRE) \"port 135\" from the clients", SPEC, CDK, d, 1,
         ["extra-traffic"], [f"{IN}.ca_in_clients_gre"],
         "EC2 API IpProtocol (SDK copies of the API model): \"[VPC only] Use `-1` to specify all protocols. If you specify `-1` or a protocol other than `tcp`, `udp`, or `icmp`, traffic on all ports is allowed, regardless of any ports you specify.\" Every GRE packet from the clients reaches the CA; GRE is no flow.",
         S["aws_ippermission"])

    d = base()
    rules(d)["ca_in_v6"] = {"security_group_id": "${aws_security_group.ca.id}", "ip_protocol": "tcp",
                            "from_port": 135, "to_port": 135, "cidr_ipv6": "::/0"}
    case("aws-058", "effect", "ingress TCP 135 from ::/0 on the CA's group", SPEC, CDK, d, 1, ["extra-traffic"],
         [f"{IN}.ca_in_v6"],
         "cidr_ipv6: \"The source IPv6 CIDR range\"; the estate's tiers are IPv4 networks, so every IPv6 source is a source of no tier (README: \"any IPv6 allow on AWS ... fails\").",
         S["aws_ingress_doc"] + "; " + S["readme"])

    d = base()
    rules(d, OUT)["ca_out_all"] = {"security_group_id": "${aws_security_group.ca.id}", "ip_protocol": "-1",
                                   "cidr_ipv4": "0.0.0.0/0"}
    case("aws-059", "effect", "all-protocol egress to 0.0.0.0/0 on the CA's created group", SPEC, CDK, d, 1,
         ["extra-traffic"], [f"{OUT}.ca_out_all"],
         Q["aws_tf_egress"] + " README: \"a created group's egress is defence in depth and is judged too\"; aws.allowAllEgress is false.",
         S["aws_sg_doc"] + "; " + S["readme"])

    d = base()
    rules(d)["ca_in_site5_135"] = {"security_group_id": "${aws_security_group.ca.id}", "ip_protocol": "tcp",
                                   "from_port": 135, "to_port": 135, "cidr_ipv4": "10.20.5.0/24"}
    case("aws-060", "effect", "a redundant ingress TCP 135 from 10.20.5.0/24 (inside the clients' 10.20.0.0/16)",
         SPEC, CDK, d, 0, ["none"], [],
         Q["aws_union"] + " The union is unchanged: 10.20.5.0/24 -> TCP 135 is already allowed. " + Q["issue_effect"],
         S["aws_sg_rules"])

    d = base()
    for k in ("ca_in_clients_tcp_135", "ca_in_clients_tcp_10509"):
        rules(d)[k]["cidr_ipv4"] = "10.20.0.0/15"
    case("aws-061", "effect", "clients -> CA from 10.20.0.0/15 (the clients are 10.20.0.0/16)", SPEC, CDK, d, 1,
         ["extra-traffic"], [f"{IN}.ca_in_clients_tcp_135"],
         "10.20.0.0/15 also holds 10.21.0.0/16, which is no tier: TCP 135 and 10509 from there reach the CA.",
         S["aws_sg_rules"])

    d = base()
    for k in ("ca_in_clients_tcp_135", "ca_in_clients_tcp_10509"):
        b = rules(d).pop(k)
        for i, half in enumerate(["10.20.0.0/17", "10.20.128.0/17"]):
            x = deep(b)
            x["cidr_ipv4"] = half
            rules(d)[f"{k}_h{i}"] = x
    case("aws-062", "effect", "clients -> CA written from the two /17 halves of 10.20.0.0/16", SPEC, CDK, d, 0,
         ["none"], [], Q["issue_effect"] + " " + Q["aws_union"], S["issue19"])

    d = base()
    rules(d, OUT).pop("dc_out_ca_tcp_135")
    case("aws-063", "effect", "the DC's created group lacks the egress TCP 135 to the CA", SPEC, CDK, d, 1,
         ["blocked-flow"], ["dc-enroll-dcom"],
         Q["aws_tf_egress"] + " The DC group created by this plan has only the egress it declares: dc -> ca TCP 135 (dc-enroll-dcom) leaves no DC.",
         S["aws_sg_doc"])

    # ---- shared estate ---------------------------------------------------------------
    d = shared()
    rules(d)["identity_dns"] = {"security_group_id": DC_SG_EXISTING, "ip_protocol": "udp", "from_port": 53,
                                "to_port": 53, "cidr_ipv4": "10.0.0.0/8", "description": "identity team: DNS"}
    case("aws-064", "shared-estate", "the identity team's DNS ingress (10.0.0.0/8) on the existing DC group",
         "aws-shared", CDK, d, 0, ["foreign-warning"], [f"{IN}.identity_dns"],
         Q["issue_shared"] + " " + Q["issue_library_rule"], S["issue19"])

    d = shared()
    b = rules(d).pop("dc_in_clients_tcp_389")
    b["from_port"], b["to_port"] = 0, 65535
    rules(d)[LIB_AWS_SHARED_CL_389] = b
    case("aws-065", "shared-estate", "the library's own clients -> DC TCP 389 rule (its address) widened to 0-65535",
         "aws-shared", CDK, d, 1, ["extra-traffic"], [f"{IN}.{LIB_AWS_SHARED_CL_389}"],
         Q["issue_library_rule"] + " " + Q["issue_shared"], S["issue19"])

    d = shared()
    rules(d)["ops_winrm"] = {"security_group_id": "${aws_security_group.ca.id}", "ip_protocol": "tcp",
                             "from_port": 5985, "to_port": 5986, "cidr_ipv4": "10.1.0.0/16"}
    case("aws-066", "shared-estate", "a foreign WinRM ingress on the CA's created group", "aws-shared", CDK, d, 1,
         ["extra-traffic"], [f"{IN}.ops_winrm"], Q["issue_shared"], S["issue19"])

    d = shared()
    rules(d, OUT)["identity_egress_all"] = {"security_group_id": DC_SG_EXISTING, "ip_protocol": "-1",
                                            "cidr_ipv4": "0.0.0.0/0", "description": "identity team: all egress"}
    case("aws-067", "shared-estate", "a foreign all-protocol egress on the existing DC group", "aws-shared", CDK, d, 0,
         ["foreign-warning"], [f"{OUT}.identity_egress_all"],
         Q["issue_shared"] + " README: \"the egress a plan writes on a group it does not create restricts nothing\".",
         S["issue19"] + "; " + S["readme"])

    # ---- not Terraform JSON -----------------------------------------------------------
    cfn = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"CaSg": {
        "Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "ca", "VpcId": AWS_VPC}}}}
    case("aws-068", "not-terraform", "a CloudFormation template given as the plan", SPEC, CDK, cfn, 2,
         ["not-terraform-json"], [], Q["issue_exit"], S["issue19"])
    case("aws-069", "not-terraform", "a YAML document given as the plan", SPEC, CDK,
         "resource:\n  aws_security_group:\n    ca:\n      name: pki-ca\n", 2, ["not-terraform-json"], [],
         Q["issue_exit"], S["issue19"], text=True)
