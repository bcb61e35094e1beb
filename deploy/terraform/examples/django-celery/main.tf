# Seed setup: a cache Redis (Django's cache) and a state Redis (sessions, conversation state, Celery), each in its
# own Fargate task with its sidecar, CloudWatch alarms to one SNS topic. Copy this directory, set the variables,
# `terraform init && terraform apply`.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  description = "AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "project" {
  description = "Prefix of every name, e.g. your Django project's KEY_PREFIX."
  type        = string
  default     = "vimbiso"
}

variable "cluster_name" {
  description = "The ECS cluster the services run in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the Redis tasks."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups that let the application reach port 6379 (and Prometheus 9121, if you run one)."
  type        = list(string)
}

variable "alarm_email" {
  description = "Where the alarms go (confirm the subscription e-mail SNS sends)."
  type        = string
}

resource "aws_sns_topic" "redis_alarms" {
  name = "${var.project}-redis-alarms"
}

resource "aws_sns_topic_subscription" "on_call" {
  topic_arn = aws_sns_topic.redis_alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

module "redis_cache" {
  source          = "../../modules/redis-ecs"
  name            = "${var.project}-redis-cache"
  role            = "cache"
  task_memory     = 2048
  region          = var.region
  cluster_name    = var.cluster_name
  alarm_topic_arn = aws_sns_topic.redis_alarms.arn
}

module "redis_state" {
  source          = "../../modules/redis-ecs"
  name            = "${var.project}-redis-state"
  role            = "state"
  task_memory     = 2048
  region          = var.region
  cluster_name    = var.cluster_name
  alarm_topic_arn = aws_sns_topic.redis_alarms.arn
}

# One task of each: Redis is a single writer, never two behind one address. The application reaches them by
# service discovery or a private IP; add service_registries here if you use Cloud Map.
resource "aws_ecs_service" "redis" {
  for_each = {
    cache = module.redis_cache.task_definition_arn
    state = module.redis_state.task_definition_arn
  }
  name                               = "${var.project}-redis-${each.key}"
  cluster                            = var.cluster_name
  task_definition                    = each.value
  desired_count                      = 1
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = false
  }
}

output "maxmemory_mb" {
  description = "Redis's maxmemory in each task."
  value       = { cache = module.redis_cache.maxmemory_mb, state = module.redis_state.maxmemory_mb }
}

output "alarms" {
  description = "The alarms of both Redis."
  value       = { cache = module.redis_cache.alarm_arns, state = module.redis_state.alarm_arns }
}
