import { App } from 'cdktf';
import { awsExampleStack } from './aws';
import { azureExample } from './azure';

// The examples' app, run by `cdktf synth` (see cdktf.json): one stack per example estate.
const app = new App({ stackTraces: false });
azureExample(app);
awsExampleStack(app);
app.synth();
