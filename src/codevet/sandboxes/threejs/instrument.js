// codevet: installed with context.add_init_script, so it runs before any page script.
// It only watches: it records WebGL contexts (created, failed, lost), the three.js
// scenes and renderers the page makes (through three's own __THREE_DEVTOOLS__ hook,
// which works for module and classic code alike), and every render() call, and it can
// summarise the live scene graph on request. It never changes what the page draws.
(() => {
  if (window.__codevet) return;
  const H = (window.__codevet = {
    contexts: 0, contextFailures: 0, lost: 0, contextTypes: [],
    renders: 0, firstRenderAt: null, lastRenderAt: null,
    renderers: [], scenes: [], lastScene: null, lastCamera: null, lastRenderer: null,
    info: null, maxCalls: 0, totalCalls: 0, revision: null, errors: 0,
  });
  const now = () => performance.now();

  // 1) three's devtools hook: Scene, WebGLRenderer, Loader, AnimationMixer announce themselves.
  const tools = new EventTarget();
  tools.addEventListener('register', (e) => { H.revision = e.detail && e.detail.revision; });
  tools.addEventListener('observe', (e) => {
    const o = e.detail;
    if (!o) return;
    if (o.isScene && H.scenes.length < 32) H.scenes.push(o);
    if ((o.isWebGLRenderer || o.isWebGPURenderer || typeof o.render === 'function' && o.domElement) && !o.__codevet) hook(o);
  });
  Object.defineProperty(window, '__THREE_DEVTOOLS__', { value: tools, writable: false, configurable: false });

  function hook(r) {
    r.__codevet = true;
    H.renderers.push(r);
    const render = r.render;
    if (typeof render !== 'function') return;
    r.render = function (scene, camera) {
      H.renders++;
      const t = now();
      if (H.firstRenderAt === null) H.firstRenderAt = t;
      H.lastRenderAt = t;
      if (scene && scene.isObject3D) H.lastScene = scene;
      if (camera && camera.isCamera) H.lastCamera = camera;
      H.lastRenderer = this;
      const out = render.apply(this, arguments);
      try {
        const i = this.info && this.info.render;
        if (i) { H.info = { calls: i.calls, triangles: i.triangles, points: i.points, lines: i.lines };
                 H.maxCalls = Math.max(H.maxCalls, i.calls);
                 H.totalCalls += i.calls; }
      } catch (err) { /* a broken renderer reports itself elsewhere */ }
      return out;
    };
  }

  // 2) WebGL contexts: created, failed, lost.
  const getContext = HTMLCanvasElement.prototype.getContext;
  const isGL = (t) => /^(webgl2?|experimental-webgl)$/.test(String(t));
  function watch(canvas, type, ctx) {
    if (!isGL(type)) return ctx;
    if (!ctx) { H.contextFailures++; return ctx; }
    if (!canvas.__codevetGL) {
      canvas.__codevetGL = true;
      H.contexts++;
      H.contextTypes.push(String(type));
      canvas.addEventListener('webglcontextlost', () => { H.lost++; });
    }
    return ctx;
  }
  HTMLCanvasElement.prototype.getContext = function (type, attrs) {
    return watch(this, type, getContext.apply(this, arguments));
  };
  if (window.OffscreenCanvas) {
    const og = OffscreenCanvas.prototype.getContext;
    OffscreenCanvas.prototype.getContext = function (type, attrs) {
      return watch(this, type, og.apply(this, arguments));
    };
  }

  // A page that logs in a hot loop would spend its time in DevTools traffic: forward the
  // first calls of each console method and count the rest.
  H.dropped = 0;
  for (const name of ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'table']) {
    const orig = console[name];
    if (typeof orig !== 'function') continue;
    let left = name === 'error' || name === 'warn' ? 400 : 200;
    console[name] = function () {
      if (left > 0) { left--; return orig.apply(this, arguments); }
      H.dropped++;
    };
  }

  // Uncaught errors end the wait for a first render early (the verdict reads them from CDP).
  window.addEventListener('error', (e) => { if (e instanceof ErrorEvent) H.errors++; });
  window.addEventListener('unhandledrejection', () => { H.errors++; });

  // The canvas the scene is drawn on: the frame is measured on it alone.
  H.canvasElement = () => {
    const r = H.lastRenderer || H.renderers[H.renderers.length - 1];
    const el = r && r.domElement;
    return el && el.isConnected ? el : null;
  };

  // Frame pacing: the page's requestAnimationFrame callbacks run at most once every
  // FRAME_MS milliseconds, as on a display with that refresh interval (0: every frame
  // Chromium draws, up to 60 Hz). Each frame a scene draws costs SwiftShader about
  // 5-40 ms of CPU, and the checks need a handful (the motion and interaction checks
  // need one changed frame), so a scene that redraws at 60 Hz for as long as its page
  // is open pays mostly for frames nobody looks at. Semantics kept: callbacks asked
  // for during a frame run in the next one, all get that frame's timestamp, a
  // cancelled one does not run, and one that throws is reported like an uncaught error
  // without stopping the others.
  const FRAME_MS = Number('__CODEVET_FRAME_MS__') || 0;
  if (FRAME_MS > 0 && typeof window.requestAnimationFrame === 'function') {
    const raf = window.requestAnimationFrame.bind(window);
    let queue = new Map(), running = null, nextId = 1, pending = false, last = -Infinity;
    const flush = (ts) => {
      pending = false; last = performance.now();
      running = queue; queue = new Map();
      for (const cb of running.values()) {  // entries cancelled meanwhile are skipped
        try { cb(ts); } catch (err) { reportError(err); }
      }
      running = null;
    };
    window.requestAnimationFrame = function requestAnimationFrame(cb) {
      if (typeof cb !== 'function') return raf(cb);  // the native TypeError
      const id = nextId++;
      queue.set(id, cb);
      if (!pending) {
        pending = true;
        const wait = last + FRAME_MS - performance.now();
        if (wait > 1) setTimeout(() => raf(flush), wait); else raf(flush);
      }
      return id;
    };
    window.cancelAnimationFrame = function cancelAnimationFrame(id) {
      queue.delete(id);
      if (running) running.delete(id);
    };
  }

  // 3) Waiting helper: resolves after n animation frames or ms milliseconds, whichever first.
  H.frames = (n, ms) => new Promise((resolve) => {
    let left = n;
    const timer = setTimeout(() => resolve(false), ms);
    const tick = () => { if (--left <= 0) { clearTimeout(timer); resolve(true); } else requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });

  // 4) Scene facts: a compact, bounded summary of what is on stage (no live objects leave the page).
  const hex = (c) => (c && typeof c.getHexString === 'function') ? '#' + c.getHexString() : null;
  const r3 = (x) => Math.round(x * 1000) / 1000;
  const vec = (v) => v ? [r3(v.x), r3(v.y), r3(v.z)] : null;
  const LIT = /^Mesh(Lambert|Phong|Standard|Physical|Toon)Material$/;

  function materialFacts(m) {
    if (!m) return null;
    const f = { type: m.type, color: hex(m.color), visible: m.visible !== false,
                opacity: typeof m.opacity === 'number' ? r3(m.opacity) : 1, map: !!m.map,
                vertexColors: !!m.vertexColors, lit: LIT.test(m.type || '') };
    if (m.emissive) f.emissive = hex(m.emissive);
    if (m.emissiveMap) f.emissiveMap = true;
    if (typeof m.emissiveIntensity === 'number') f.emissiveIntensity = r3(m.emissiveIntensity);
    if (m.envMap) f.envMap = true;
    if (m.isShaderMaterial || m.isRawShaderMaterial) f.shader = true;
    return f;
  }

  function onScreen(o, cam) {
    try {
      if (!cam || !o.matrixWorld) return null;
      const V = o.position.constructor;
      const p = new V().setFromMatrixPosition(o.matrixWorld);
      let radius = 0;
      const g = o.geometry;
      if (g && typeof g.computeBoundingSphere === 'function') {
        if (!g.boundingSphere) g.computeBoundingSphere();
        if (g.boundingSphere) {
          const s = new V().setFromMatrixScale(o.matrixWorld);
          radius = g.boundingSphere.radius * Math.max(Math.abs(s.x), Math.abs(s.y), Math.abs(s.z));
          p.add(g.boundingSphere.center.clone().applyMatrix4(o.matrixWorld).sub(new V().setFromMatrixPosition(o.matrixWorld)));
        }
      }
      cam.updateMatrixWorld();
      const view = p.clone().applyMatrix4(cam.matrixWorldInverse);
      if (cam.isPerspectiveCamera && view.z - radius > -cam.near) return false; // wholly behind the near plane
      const ndc = p.clone().project(cam);
      const m = 1 + (radius > 0 ? 2 : 0.05);
      return Math.abs(ndc.x) <= m && Math.abs(ndc.y) <= m;
    } catch (err) { return null; }
  }

  H.summary = (limit) => {
    limit = limit || 200;
    const scene = H.lastScene || H.scenes[H.scenes.length - 1] || null;
    const cam = H.lastCamera;
    const out = { revision: H.revision, renders: H.renders, contexts: H.contexts, lost: H.lost,
                  contextFailures: H.contextFailures, info: H.info, consoleDropped: H.dropped, maxCalls: H.maxCalls, totalCalls: H.totalCalls,
                  renderers: H.renderers.length, scenes: H.scenes.length,
                  objects: [], lights: [], camera: null, background: null, environment: false,
                  fog: null, counts: { objects: 0, meshes: 0, lights: 0 }, truncated: false,
                  transforms: [], canvas: null, clearColor: null };
    try {
      const r = H.lastRenderer || H.renderers[H.renderers.length - 1];
      if (r && r.domElement) {
        const el = r.domElement;
        const b = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        out.canvas = { x: b.x, y: b.y, width: b.width, height: b.height, attached: el.isConnected,
                       visible: style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.01 };
      }
      if (r && typeof r.getContext === 'function' && !H.glRenderer) {
        const gl = r.getContext();
        const ext = gl && gl.getExtension && gl.getExtension('WEBGL_debug_renderer_info');
        H.glRenderer = ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : null;
      }
      out.glRenderer = H.glRenderer || null;
      if (r && typeof r.getClearColor === 'function') {
        const C = scene && scene.background && scene.background.isColor ? scene.background.constructor : null;
        if (C) { const c = new C(); r.getClearColor(c); out.clearColor = hex(c); }
      }
    } catch (err) { /* keep what we have */ }
    if (cam) {
      out.camera = { type: cam.type, position: vec(cam.getWorldPosition ? cam.getWorldPosition(cam.position.clone()) : cam.position),
                     fov: cam.fov !== undefined ? r3(cam.fov) : null, near: r3(cam.near), far: r3(cam.far) };
      if (cam.matrixWorld) out.transforms.push(Array.from(cam.matrixWorld.elements, r3));
    }
    if (!scene) return out;
    if (scene.background) out.background = scene.background.isColor ? hex(scene.background) : (scene.background.isTexture ? 'texture' : 'other');
    out.environment = !!scene.environment;
    if (scene.fog) out.fog = hex(scene.fog.color);
    try { scene.updateMatrixWorld(); } catch (err) { /* keep going */ }
    const seen = new Set();
    const visit = (o, visible) => {
      if (!o || seen.has(o) || seen.size > 20000) return;
      seen.add(o);
      visible = visible && o.visible !== false;
      out.counts.objects++;
      if (o.isLight) {
        out.counts.lights++;
        if (out.lights.length < 50) out.lights.push({ type: o.type, color: hex(o.color), intensity: r3(o.intensity || 0), visible });
      } else if (o.isMesh || o.isPoints || o.isLine || o.isSprite) {
        out.counts.meshes++;
        if (out.objects.length < limit) {
          const mats = Array.isArray(o.material) ? o.material : [o.material];
          const g = o.geometry || {};
          const params = {};
          if (g.parameters) for (const k of Object.keys(g.parameters).slice(0, 8)) {
            const v = g.parameters[k]; if (typeof v === 'number') params[k] = r3(v);
          }
          out.objects.push({ type: o.type, name: String(o.name || '').slice(0, 60), geometry: g.type || null, parameters: params,
                             materials: mats.slice(0, 6).map(materialFacts), visible, instances: o.count || null,
                             position: vec(o.getWorldPosition ? o.getWorldPosition(o.position.clone()) : o.position),
                             onScreen: onScreen(o, cam) });
          if (o.matrixWorld) out.transforms.push(Array.from(o.matrixWorld.elements, r3));
        } else out.truncated = true;
      }
      const kids = o.children || [];
      for (let i = 0; i < kids.length; i++) visit(kids[i], visible);
    };
    visit(scene, true);
    return out;
  };
})();
