import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

const saved = process.env.FLOWCRAFT_HTTP_ALLOW;
afterEach(() => {
  if (saved === undefined) delete process.env.FLOWCRAFT_HTTP_ALLOW;
  else process.env.FLOWCRAFT_HTTP_ALLOW = saved;
});

describe("FLOWCRAFT_HTTP_ALLOW", () => {
  it("lists host names, IP addresses and CIDR ranges", () => {
    process.env.FLOWCRAFT_HTTP_ALLOW = " 127.0.0.1, localhost,10.0.0.0/8,,::1 ";
    expect(loadConfig().httpAllow).toEqual(["127.0.0.1", "localhost", "10.0.0.0/8", "::1"]);
  });

  it("allows nothing but public addresses when unset", () => {
    delete process.env.FLOWCRAFT_HTTP_ALLOW;
    expect(loadConfig().httpAllow).toEqual([]);
  });

  it("refuses an entry that is no host, address or range, naming the variable", () => {
    process.env.FLOWCRAFT_HTTP_ALLOW = "127.0.0.1,http://intranet";
    expect(() => loadConfig()).toThrow(/^FLOWCRAFT_HTTP_ALLOW: "http:\/\/intranet" is neither a host name/);
  });
});

describe("FLOWCRAFT_TRUST_PROXY", () => {
  const savedTrust = process.env.FLOWCRAFT_TRUST_PROXY;
  afterEach(() => {
    if (savedTrust === undefined) delete process.env.FLOWCRAFT_TRUST_PROXY;
    else process.env.FLOWCRAFT_TRUST_PROXY = savedTrust;
  });

  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["true", true],
    [" 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8", ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]],
  ])("reads %j as %j", (raw, expected) => {
    if (raw === undefined) delete process.env.FLOWCRAFT_TRUST_PROXY;
    else process.env.FLOWCRAFT_TRUST_PROXY = raw;
    expect(loadConfig().trustProxy).toEqual(expected);
  });

  it.each(["proxy.internal", "2", "10.0.0.0/33", "10.0.0.1/8/2", "yes please"])("refuses %j, naming the variable", (raw) => {
    process.env.FLOWCRAFT_TRUST_PROXY = raw;
    expect(() => loadConfig()).toThrow(/^FLOWCRAFT_TRUST_PROXY must be true, false, or IP addresses and CIDR ranges/);
  });
});

describe("FLOWCRAFT_LOG_LEVEL", () => {
  const savedLevel = process.env.FLOWCRAFT_LOG_LEVEL;
  afterEach(() => {
    if (savedLevel === undefined) delete process.env.FLOWCRAFT_LOG_LEVEL;
    else process.env.FLOWCRAFT_LOG_LEVEL = savedLevel;
  });

  it("is info unless set, and any of pino's levels", () => {
    delete process.env.FLOWCRAFT_LOG_LEVEL;
    expect(loadConfig().logLevel).toBe("info");
    process.env.FLOWCRAFT_LOG_LEVEL = "WARN";
    expect(loadConfig().logLevel).toBe("warn");
  });

  it("refuses a level pino does not have, naming the levels", () => {
    process.env.FLOWCRAFT_LOG_LEVEL = "loud";
    expect(() => loadConfig()).toThrow('FLOWCRAFT_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
  });
});

describe("FLOWCRAFT_METRICS_TOKEN", () => {
  const savedToken = process.env.FLOWCRAFT_METRICS_TOKEN;
  afterEach(() => {
    if (savedToken === undefined) delete process.env.FLOWCRAFT_METRICS_TOKEN;
    else process.env.FLOWCRAFT_METRICS_TOKEN = savedToken;
  });

  it("leaves metrics closed when unset or empty", () => {
    delete process.env.FLOWCRAFT_METRICS_TOKEN;
    expect(loadConfig().metricsToken).toBeUndefined();
    process.env.FLOWCRAFT_METRICS_TOKEN = "";
    expect(loadConfig().metricsToken).toBeUndefined();
  });

  it("takes a token of 16 characters or more", () => {
    process.env.FLOWCRAFT_METRICS_TOKEN = "0123456789abcdef";
    expect(loadConfig().metricsToken).toBe("0123456789abcdef");
  });

  it.each(["short", "0123456789abcde", "0123456789 abcdef"])("refuses %j, naming the variable", (raw) => {
    process.env.FLOWCRAFT_METRICS_TOKEN = raw;
    expect(() => loadConfig()).toThrow(/^FLOWCRAFT_METRICS_TOKEN must be at least 16 characters without spaces/);
  });
});

describe("FLOWCRAFT_RETENTION_DAYS", () => {
  const savedDays = process.env.FLOWCRAFT_RETENTION_DAYS;
  afterEach(() => {
    if (savedDays === undefined) delete process.env.FLOWCRAFT_RETENTION_DAYS;
    else process.env.FLOWCRAFT_RETENTION_DAYS = savedDays;
  });

  it("is 30 days unless set, and 0 keeps ended instances for ever", () => {
    delete process.env.FLOWCRAFT_RETENTION_DAYS;
    expect(loadConfig().retentionDays).toBe(30);
    process.env.FLOWCRAFT_RETENTION_DAYS = "0";
    expect(loadConfig().retentionDays).toBe(0);
  });

  it.each(["-1", "1.5", "thirty", "36501"])("refuses %s, naming the variable and the range", (raw) => {
    process.env.FLOWCRAFT_RETENTION_DAYS = raw;
    expect(() => loadConfig()).toThrow(`FLOWCRAFT_RETENTION_DAYS must be a whole number from 0 to 36500, got "${raw}"`);
  });
});

describe("OpenTelemetry variables", () => {
  const names = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SERVICE_NAME"] as const;
  const savedOtel = names.map((name) => process.env[name]);
  afterEach(() => {
    names.forEach((name, i) => (savedOtel[i] === undefined ? delete process.env[name] : (process.env[name] = savedOtel[i])));
  });

  it("leave traces off without an endpoint, and name the service flowcraft", () => {
    names.forEach((name) => delete process.env[name]);
    expect(loadConfig().tracing).toEqual({ endpoint: undefined, serviceName: "flowcraft" });
  });

  it("prefer the traces endpoint to the general one, as the exporter does", () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = "http://collector:4318";
    expect(loadConfig().tracing.endpoint).toBe("http://collector:4318");
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = "https://traces.example.com/v1/traces";
    process.env.OTEL_SERVICE_NAME = "flowcraft-eu";
    expect(loadConfig().tracing).toEqual({ endpoint: "https://traces.example.com/v1/traces", serviceName: "flowcraft-eu" });
  });

  it("refuse an endpoint that is no http URL, naming the variable", () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = "collector:4318";
    expect(() => loadConfig()).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT must be an http or https URL, got "collector:4318"$/);
  });
});
