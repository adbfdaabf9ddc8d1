# workerd config for the assistant on a sovereign machine: serves the bundle that
# `wrangler deploy --dry-run --outdir dist` builds, with the configuration taken from the environment.
#
#   npx wrangler deploy --dry-run --outdir dist
#   DATABASE_URL=https://sqld.internal:8080 DATABASE_AUTH_TOKEN=… OLLAMA_HOSTS=http://gpu1:11434 \
#     JOBS_TOKEN=… workerd serve deploy/workerd.capnp
#
# Paths are relative to this file. `--socket-addr http=127.0.0.1:9000` moves the listener without editing it.
# Keep compatibilityDate and compatibilityFlags equal to wrangler.toml's (a test checks it).

using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "assistant", worker = .assistant),
    # Outgoing fetch(): the libSQL server and the Ollama hosts usually sit on private or local addresses,
    # which workerd's default network refuses. Narrow `allow` (or list CIDRs) to what your network needs.
    (name = "network", network = (allow = ["public", "private", "local"], tlsOptions = (trustBrowserCas = true))),
  ],
  sockets = [
    (name = "http", address = "*:8787", http = (), service = "assistant"),
  ],
);

const assistant :Workerd.Worker = (
  modules = [
    (name = "entry.worker.js", esModule = embed "../dist/entry.worker.js"),
  ],
  compatibilityDate = "2026-04-01",
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "network",
  # design.md's configuration, each read from the environment of `workerd serve` (unset → the app's default).
  # PORT does not apply here: the socket above (or --socket-addr) decides where workerd listens.
  bindings = [
    (name = "DATABASE_URL", fromEnvironment = "DATABASE_URL"),
    (name = "DATABASE_AUTH_TOKEN", fromEnvironment = "DATABASE_AUTH_TOKEN"),
    (name = "OLLAMA_HOSTS", fromEnvironment = "OLLAMA_HOSTS"),
    (name = "OLLAMA_HOST_HEADERS", fromEnvironment = "OLLAMA_HOST_HEADERS"),
    (name = "CHAT_MODEL", fromEnvironment = "CHAT_MODEL"),
    (name = "EMBED_MODEL", fromEnvironment = "EMBED_MODEL"),
    (name = "LLM_MODE", fromEnvironment = "LLM_MODE"),
    (name = "LEAD_WEBHOOK_URL", fromEnvironment = "LEAD_WEBHOOK_URL"),
    (name = "LEAD_WEBHOOK_SECRET", fromEnvironment = "LEAD_WEBHOOK_SECRET"),
    (name = "LEAD_WEBHOOK_SECRET_NEXT", fromEnvironment = "LEAD_WEBHOOK_SECRET_NEXT"),
    (name = "JOBS_TOKEN", fromEnvironment = "JOBS_TOKEN"),
    (name = "METRICS_TOKEN", fromEnvironment = "METRICS_TOKEN"),
    (name = "ALLOWED_ORIGINS", fromEnvironment = "ALLOWED_ORIGINS"),
    (name = "LOG_LEVEL", fromEnvironment = "LOG_LEVEL"),
    (name = "LEAD_RETENTION_DAYS", fromEnvironment = "LEAD_RETENTION_DAYS"),
    (name = "LEAD_QUALIFY_THRESHOLD", fromEnvironment = "LEAD_QUALIFY_THRESHOLD"),
    (name = "PUBLIC_URL", fromEnvironment = "PUBLIC_URL"),
    (name = "STAFF_HOURS", fromEnvironment = "STAFF_HOURS"),
    (name = "EDU_ACCESS", fromEnvironment = "EDU_ACCESS"),
    (name = "SMTP_URL", fromEnvironment = "SMTP_URL"),
    (name = "SMTP_FROM", fromEnvironment = "SMTP_FROM"),
    (name = "TRUSTED_PROXIES", fromEnvironment = "TRUSTED_PROXIES"),
    (name = "RATE_LIMITS", fromEnvironment = "RATE_LIMITS"),
    (name = "OPERATOR_NAME", fromEnvironment = "OPERATOR_NAME"),
    (name = "OPERATOR_ADDRESS", fromEnvironment = "OPERATOR_ADDRESS"),
    (name = "OPERATOR_EMAIL", fromEnvironment = "OPERATOR_EMAIL"),
    (name = "DPO_EMAIL", fromEnvironment = "DPO_EMAIL"),
    (name = "PUBLICATION_DIRECTOR", fromEnvironment = "PUBLICATION_DIRECTOR"),
    (name = "HOSTING_PROVIDER", fromEnvironment = "HOSTING_PROVIDER"),
  ],
);
