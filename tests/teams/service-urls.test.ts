/** Which URLs the Teams adapter may call: the service URL allow-list and where accepted files are uploaded. */
import { describe, expect, it } from 'vitest';
import { serviceUrlPolicy, teamsSettings, uploadUrlPolicy } from '../../adapters/teams/settings.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const authenticated = teamsSettings({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: TENANT });
const local = teamsSettings({ TEAMS_LOCAL: true });

describe('the service URL allow-list', () => {
  const allowed = serviceUrlPolicy(authenticated);

  it("answers Microsoft's Bot Connector services by default", () => {
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/teams/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/',
      'https://smba.infra.dod.teams.microsoft.us/',
      'https://directline.botframework.com/',
      'https://webchat.botframework.com/',
    ])
      expect(allowed(url), url).toBe(true);
  });

  it('refuses look-alikes, other schemes and ports, credentials, and anything local', () => {
    for (const url of [
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net:8443/emea/',
      'https://smba.trafficmanager.net.evil.example/',
      'https://smba.trafficmanager.net./emea/',
      'https://evilsmba.trafficmanager.net/',
      'https://botframework.com.evil.example/',
      'https://evilbotframework.com/',
      'https://user:pass@smba.trafficmanager.net/emea/',
      'http://127.0.0.1:3978/',
      'https://169.254.169.254/',
      'not a url',
      '',
    ])
      expect(allowed(url), url).toBe(false);
  });

  it('TEAMS_SERVICE_URLS replaces the defaults, path prefixes included', () => {
    const only = serviceUrlPolicy(
      teamsSettings({
        MICROSOFT_APP_ID: 'app',
        MICROSOFT_APP_TENANT_ID: TENANT,
        TEAMS_SERVICE_URLS: 'https://smba.trafficmanager.net/emea/',
      }),
    );
    expect(only('https://smba.trafficmanager.net/emea/')).toBe(true);
    expect(only('https://smba.trafficmanager.net/amer/')).toBe(false);
    expect(only('https://directline.botframework.com/')).toBe(false);
  });

  it('local mode answers this machine only', () => {
    const mine = serviceUrlPolicy(local);
    expect(mine('http://127.0.0.1:56150/_connector')).toBe(true);
    expect(mine('http://localhost:3978/')).toBe(true);
    expect(mine('http://[::1]:3978/')).toBe(true);
    expect(mine('https://smba.trafficmanager.net/emea/')).toBe(false);
    expect(mine('http://localhost.evil.example/')).toBe(false);
  });
});

describe('where an accepted file is uploaded', () => {
  it("the person's OneDrive (SharePoint, over https) in authenticated mode; this machine in local mode", () => {
    const upload = uploadUrlPolicy(authenticated);
    expect(upload('https://contoso-my.sharepoint.com/personal/ana/_api/upload?x=1')).toBe(true);
    expect(upload('https://contoso-my.sharepoint.us/personal/ana/')).toBe(true);
    for (const url of [
      'http://contoso-my.sharepoint.com/x',
      'https://sharepoint.com.evil.example/x',
      'https://evil.example/x',
      'http://127.0.0.1:9/upload',
    ])
      expect(upload(url), url).toBe(false);
    const localUpload = uploadUrlPolicy(local);
    expect(localUpload('http://127.0.0.1:56150/upload/x.csv')).toBe(true);
    expect(localUpload('https://contoso-my.sharepoint.com/x')).toBe(false);
  });
});
