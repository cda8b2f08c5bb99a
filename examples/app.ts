import { App } from 'cdktf';
import { awsExampleStack } from './aws';
import { azureExample } from './azure';
import { landingZoneAws, landingZoneAzure } from './landing-zone';
import { ownNetworkAws, ownNetworkAzure } from './own-network';

// The app `npm run synth` runs (cdktf.json): the example estates' stacks, as main.ts writes them
// (and the bench measures), two stacks that create their own network and pass it to the
// construct as tokens (own-network.ts), and two landing zones whose DCs live under another
// provider configuration (landing-zone.ts).
const app = new App({ stackTraces: false });
azureExample(app);
awsExampleStack(app);
ownNetworkAzure(app);
ownNetworkAws(app);
landingZoneAzure(app);
landingZoneAws(app);
app.synth();
