import { App } from 'cdktf';
import { awsExampleStack } from './aws';
import { azureExample } from './azure';
import { ownNetworkAws, ownNetworkAzure } from './own-network';

// The app `npm run synth` runs (cdktf.json): the example estates' stacks, as main.ts writes them
// (and the bench measures), and two stacks that create their own network and pass it to the
// construct as tokens (own-network.ts).
const app = new App({ stackTraces: false });
azureExample(app);
awsExampleStack(app);
ownNetworkAzure(app);
ownNetworkAws(app);
app.synth();
