import { loadConfig } from './config.js';
import { startServer } from './server.js';
import { DEMO_PASSWORD, demoUsers } from './seed/demo-data.js';

const config = loadConfig();
const running = await startServer(config);
running.log.info({ url: running.url }, 'MotCua is running');
console.log(`\nMotCua đang chạy tại ${running.url}\nTra cứu công khai: ${running.url}/tra-cuu\nOpenAPI: ${running.url}/api/openapi.json`);
if (config.seedDemo) {
  console.log(`\nTài khoản mẫu (mật khẩu: ${DEMO_PASSWORD}):`);
  for (const u of demoUsers) console.log(`  ${u.username.padEnd(16)} ${u.roles.join(', ').padEnd(12)} ${u.fullName}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running.stop().then(() => process.exit(0), () => process.exit(1));
  });
}
