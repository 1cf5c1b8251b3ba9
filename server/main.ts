// `npm start` (after the build) and `npm run live`: the live server, printing where to open it.
import { readConfig, USAGE } from './config';
import { addresses, createLiveServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.argv.slice(2), process.env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message === USAGE ? message : `${message}\n\n${USAGE}`);
    process.exit(message === USAGE ? 0 : 2);
  }
  const live = createLiveServer(config);
  const port = await live.listen();
  const [first, ...others] = addresses(config.host, port);
  console.log(`Stakemap is running at ${first}`);
  for (const other of others) console.log(`  on this network: ${other}`);
  console.log(`  rooms kept in ${config.db}${config.redis ? ', shared through Redis' : ''}${config.secret ? ', a room token is required' : ''}`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await live.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
