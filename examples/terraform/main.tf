# A plain Terraform (or OpenTofu) root module that calls the module adcs-firewall writes from
# pki.yaml: `npx adcs-firewall synth --spec pki.yaml --module` (writes modules/pki-lz), then
# `terraform init` and `terraform plan` (or `tofu init` and `tofu plan`).

terraform {
  required_version = ">= 1.5"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

variable "pki_subscription_id" {
  type        = string
  description = "The PKI's subscription: the CA and CES/CEP subnets, and the NSGs the module creates."
  default     = "00000000-0000-0000-0000-000000000000"
}

variable "identity_subscription_id" {
  type        = string
  description = "The identity subscription: the domain controllers and their NSG."
  default     = "11111111-1111-1111-1111-111111111111"
}

provider "azurerm" {
  subscription_id = var.pki_subscription_id
  features {}
}

provider "azurerm" {
  alias           = "identity"
  subscription_id = var.identity_subscription_id
  features {}
}

# The PKI's subnets exist already (the landing zone's network team owns the virtual network).
data "azurerm_subnet" "ca" {
  name                 = "snet-pki-ca"
  virtual_network_name = "vnet-pki-weu"
  resource_group_name  = "rg-network-weu"
}

data "azurerm_subnet" "web" {
  name                 = "snet-pki-web"
  virtual_network_name = "vnet-pki-weu"
  resource_group_name  = "rg-network-weu"
}

module "pki-lz" {
  source = "./modules/pki-lz"

  providers = {
    azurerm          = azurerm
    azurerm.identity = azurerm.identity
  }

  ca_subnet_id  = data.azurerm_subnet.ca.id
  web_subnet_id = data.azurerm_subnet.web.id
}

output "pki_nsg_ids" {
  description = "The NSGs the module created, by name."
  value       = module.pki-lz.network_security_group_ids
}
