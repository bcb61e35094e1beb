# One task per Redis, each with its sidecar: the task's memory limit is then Redis's own (the sidecar reads it from
# the task metadata endpoint), a cache deployment never restarts the Celery broker, and each Redis has its own
# alarms by task family.

locals {
  # The limit task_definition.tf gave Redis: 35 % of the task, less 5 % for client buffers and fragmentation.
  maxmemory_mb = floor(var.task_memory * 0.35 * 0.95)
  policy       = coalesce(var.maxmemory_policy, var.role == "cache" ? "allkeys-lru" : "volatile-lru")

  persistence = var.role == "cache" ? ["--appendonly", "no", "--save", ""] : [
    "--appendonly", "yes", "--appendfsync", "everysec",
    "--auto-aof-rewrite-percentage", "100", "--auto-aof-rewrite-min-size", "64mb",
    "--save", "", "--stop-writes-on-bgsave-error", "no",
  ]
  persistence_settings = var.role == "cache" ? "save \"\"" : join("\n", [
    "appendfsync everysec", "auto-aof-rewrite-percentage 100", "auto-aof-rewrite-min-size 64mb", "save \"\"",
    "stop-writes-on-bgsave-error no",
  ])

  log_options = {
    "awslogs-group"  = aws_cloudwatch_log_group.this.name
    "awslogs-region" = var.region
  }
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.task_cpu)
  memory                   = tostring(var.task_memory)
  execution_role_arn       = aws_iam_role.execution.arn
  tags                     = var.tags

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  volume {
    name = "redis-data"
  }

  container_definitions = jsonencode([
    {
      name      = "redis"
      image     = var.redis_image
      essential = true
      # Bounded from its first second, also while the sidecar is down; the sidecar puts back what is typed later.
      command = concat(["redis-server", "--dir", "/data", "--maxmemory", "${local.maxmemory_mb}mb",
      "--maxmemory-policy", local.policy], local.persistence)
      portMappings = [{ containerPort = 6379, protocol = "tcp" }]
      mountPoints  = [{ sourceVolume = "redis-data", containerPath = "/data" }]
      healthCheck = {
        command  = ["CMD-SHELL", "redis-cli ping | grep -q PONG"]
        interval = 10, timeout = 3, retries = 3, startPeriod = 10
      }
      logConfiguration = { logDriver = "awslogs", options = merge(local.log_options, { "awslogs-stream-prefix" = "redis" }) }
      restartPolicy    = { enabled = true, restartAttemptPeriod = 60 }
    },
    {
      name                   = "redis-memory-sidecar"
      image                  = var.sidecar_image
      essential              = false
      memoryReservation      = 32
      readonlyRootFilesystem = true
      user                   = "1001"
      portMappings           = [{ containerPort = 9121, protocol = "tcp" }]
      dependsOn              = [{ containerName = "redis", condition = "START" }]
      environment = [
        { name = "REDIS_ADDR", value = "redis://127.0.0.1:6379" },
        { name = "SIDECAR_CONTAINER_MEMORY_LIMIT", value = "auto" },
        { name = "SIDECAR_SETTINGS", value = "maxmemory ${local.maxmemory_mb}mb\nmaxmemory-policy ${local.policy}\n${local.persistence_settings}" },
        { name = "SIDECAR_CLOUDWATCH_EMF", value = "true" },
        { name = "SIDECAR_CLOUDWATCH_NAMESPACE", value = var.metrics_namespace },
        { name = "SIDECAR_CLOUDWATCH_REDIS_NAME", value = var.role },
        { name = "SIDECAR_CLOUDWATCH_ECS_REDIS_CONTAINER", value = "redis" },
      ]
      healthCheck = {
        command  = ["CMD", "/work/redis-memory-sidecar", "healthcheck"]
        interval = 10, timeout = 3, retries = 3, startPeriod = 5
      }
      logConfiguration = { logDriver = "awslogs", options = merge(local.log_options, { "awslogs-stream-prefix" = "sidecar" }) }
      restartPolicy    = { enabled = true, restartAttemptPeriod = 60 }
    },
  ])
}
