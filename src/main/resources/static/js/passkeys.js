// Passkeys (WebAuthn) for the Waarborg console: signing in with one (sign-in page) and making one (account page).
// The ceremony follows Spring Security's spring-security-webauthn.js (Apache License 2.0), with this service's paths
// and without inline code: the page carries no script body (CSP script-src 'self'). Without JavaScript, or in a
// browser without WebAuthn, the buttons stay hidden and signing in with password and code works as before.
"use strict";
(() => {
  const b64 = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      const out = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out.buffer;
    }
  };

  // the form token of the page (Spring Security reads it from this header on a JSON POST)
  function headers() {
    const token = document.querySelector("input[name=_csrf]");
    return { "Content-Type": "application/json", "X-CSRF-TOKEN": token ? token.value : "" };
  }

  async function post(url, body) {
    const r = await fetch(url, { method: "POST", headers: headers(), credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }

  async function signIn() {
    const options = await post("/console/signin/passkey/options");
    const cred = await navigator.credentials.get({ publicKey: {
      ...options,
      challenge: b64.decode(options.challenge),
      allowCredentials: (options.allowCredentials || []).map(c => ({ ...c, id: b64.decode(c.id) }))
    } });
    const res = cred.response;
    const answer = await post("/console/signin/passkey", {
      id: cred.id,
      rawId: b64.encode(cred.rawId),
      response: {
        authenticatorData: b64.encode(res.authenticatorData),
        clientDataJSON: b64.encode(res.clientDataJSON),
        signature: b64.encode(res.signature),
        userHandle: res.userHandle ? b64.encode(res.userHandle) : undefined
      },
      credType: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    });
    if (!answer.authenticated || !answer.redirectUrl || !answer.redirectUrl.startsWith("/console")) {
      throw new Error("not signed in");
    }
    window.location.assign(answer.redirectUrl);
  }

  async function register(label) {
    const options = await post("/console/account/passkeys/options");
    const cred = await navigator.credentials.create({ publicKey: {
      ...options,
      user: { ...options.user, id: b64.decode(options.user.id) },
      challenge: b64.decode(options.challenge),
      excludeCredentials: (options.excludeCredentials || []).map(c => ({ ...c, id: b64.decode(c.id) }))
    } });
    const res = cred.response;
    const answer = await post("/console/account/passkeys/register", { publicKey: { label, credential: {
      id: cred.id,
      rawId: b64.encode(cred.rawId),
      response: {
        attestationObject: b64.encode(res.attestationObject),
        clientDataJSON: b64.encode(res.clientDataJSON),
        transports: res.getTransports ? res.getTransports() : []
      },
      type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    } } });
    if (!answer.success) throw new Error("not registered");
    window.location.assign("/console/account/passkeys?added");
  }

  function show(id, visible) {
    const el = document.getElementById(id);
    if (el) el.hidden = !visible;
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!window.PublicKeyCredential || !navigator.credentials) return;
    show("passkey-needs-script", false);
    const signInButton = document.getElementById("passkey-signin");
    if (signInButton) {
      show("passkey-signin-section", true);
      signInButton.addEventListener("click", () => {
        show("passkey-problem", false);
        signIn().catch(() => show("passkey-problem", true));
      });
    }
    const form = document.getElementById("passkey-add");
    if (form) {
      form.hidden = false;
      form.addEventListener("submit", event => {
        event.preventDefault();
        show("passkey-problem", false);
        register(document.getElementById("passkey-label").value.trim())
          .catch(() => show("passkey-problem", true));
      });
    }
  });
})();
